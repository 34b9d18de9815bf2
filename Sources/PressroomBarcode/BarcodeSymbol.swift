// Placeholder: barcodes from libzint land here.
import CZint

// qpdf 11 (Debian's libqpdf-dev, Apache-2.0): its C API reads any producer's PDF, so imposition
// never parses PDF by hand.
#include <qpdf/qpdf-c.h>

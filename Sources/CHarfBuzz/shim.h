// HarfBuzz (shaping, OpenType metrics, glyph outlines) and hb-subset, as Swift sees them.
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>

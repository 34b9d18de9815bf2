// Placeholder: the SVG exporter lands here.
import PressroomGraphics

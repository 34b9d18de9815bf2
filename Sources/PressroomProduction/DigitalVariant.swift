// Placeholder: the digital variant lands here.
import PressroomLayout

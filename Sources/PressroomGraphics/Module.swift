// PressroomGraphics module placeholder.

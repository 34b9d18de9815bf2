// PressroomText module placeholder.

// PressroomPDF module placeholder.

print("pressroom")

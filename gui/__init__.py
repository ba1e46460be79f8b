"""The Qt window of Logistic Regression Studio: thin widgets over ``core``."""

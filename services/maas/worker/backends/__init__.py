"""Backends run model artifacts; the worker picks one by the model's platform."""

"""Seeing the whole search: the network of introductions, progress, what I have learned."""

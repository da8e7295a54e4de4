"""`maas bench`: ghz at a ladder of concurrencies, merged with the server's statistics."""

"""Who is signed in: the token store (keyring) and the session built on the API client."""

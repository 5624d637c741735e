"""The bottom floor of app/: helpers every domain may use; nothing here imports a domain."""

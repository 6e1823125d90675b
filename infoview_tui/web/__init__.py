"""`infoview serve`: the same app in a browser tab, on this computer only, behind a token.

`server` is the web server (textual-serve, tightened: loopback only, a token on every route
that matters, no outside requests, no tracebacks in the terminal); `tab` is the process each
browser tab runs (the `infoview` command itself, under Textual's web driver); `driver` is that
web driver, which quits the app cleanly when the server goes away.
"""

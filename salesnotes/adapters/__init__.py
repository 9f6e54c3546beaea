"""The outside world's servers (CardDAV and CalDAV for the phone): above ``formats/``, below
``usecases/``; they talk HTTP and hand records up. Their libraries are imported only here,
and only by the commands that talk to a server."""

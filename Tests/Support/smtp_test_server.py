"""A real SMTP server on loopback for Bindery's tests (aiosmtpd).

Usage: smtp_test_server.py MODE OUTDIR USER PASSWORD
  MODE: starttls (STARTTLS required, AUTH after it), implicit (TLS from the
  first byte), plain (no TLS offered at all: a client that insists on TLS
  must refuse to send).
Makes a throw-away certificate authority and a server certificate for
127.0.0.1 with the openssl command, writes each accepted message to
OUTDIR/message-N.eml (and its envelope to .envelope), prints
"READY PORT CA_FILE" and serves until its standard input is closed.
"""
import os, socket, ssl, subprocess, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

mode, outdir, user, password = sys.argv[1:5]


def make_certificates(folder):
    def openssl(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True)
    ca_key, ca, key, csr, cert, ext = (os.path.join(folder, n) for n in ("ca.key", "ca.pem", "server.key", "server.csr", "server.pem", "ext.cnf"))
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", ca, "-days", "2", "-subj", "/CN=Bindery test CA")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n")
    openssl("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-out", cert, "-days", "2", "-extfile", ext)
    return ca, cert, key


class Handler:
    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(outdir, "message-%d.eml" % len([n for n in os.listdir(outdir) if n.endswith(".eml")]))
        with open(name + ".envelope", "w") as f:
            f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name)
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


ca, cert, key = make_certificates(outdir)
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
port = free_port()
options = dict(hostname="127.0.0.1", port=port, authenticator=authenticator, auth_require_tls=(mode != "plain"))
if mode == "starttls":
    options.update(tls_context=context, require_starttls=True)
elif mode == "implicit":
    options.update(ssl_context=context)
controller = Controller(Handler(), **options)
controller.start()
print("READY %d %s" % (port, ca), flush=True)
try:
    sys.stdin.read()
finally:
    controller.stop()

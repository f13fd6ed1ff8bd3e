"""No network at run time: models, rules and checks work with every socket refused."""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from postcheck import Linter
    linter = Linter()
    fr = linter.check("Reçu Mme Lefèvre, joignable à lefevre.m@example.fr ou au 06 12 34 56 78.")
    en = linter.check("Saw Mrs. Patterson today, email jpatterson@example.com, MRN 48213377.")
    assert fr.language == "fr" and "patient-privacy" in fr.categories, fr.to_dict()
    assert en.language == "en" and "patient-privacy" in en.categories, en.to_dict()
    print("offline ok")
""")


def test_checks_run_with_sockets_refused():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "offline ok" in result.stdout
    assert "network access attempted" not in result.stderr

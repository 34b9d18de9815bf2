#!/usr/bin/env python3
"""A client's webhook endpoint for the tests, on 127.0.0.1 only, judging with the Standard
Webhooks reference library (standardwebhooks on PyPI), not with Pressroom's own code.

  webhook_receiver.py serve --port P --secret whsec_... --log LOG [--fail-first]
      Verifies every request; answers 401 when the signature or timestamp fails, 409 for a
      webhook-id already accepted (a replay), 500 for the first try of each id with --fail-first
      (so the sender must retry), else 204. Logs one JSON line per request: id, status, verified,
      type, the headers and the body.
  webhook_receiver.py probe --port P --log LOG
      Sends the first accepted request again as it was (expects 409), and with its body changed
      (expects 401); prints `replayed 409` and `tampered 401`.
"""
import argparse, json, sys, threading, urllib.request, urllib.error
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook


def serve(args):
    webhook = Webhook(args.secret)
    seen, accepted, lock = set(), set(), threading.Lock()
    log = open(args.log, "a", buffering=1)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            headers = {k.lower(): v for k, v in self.headers.items()}
            wid = headers.get("webhook-id", "")
            try:
                payload = webhook.verify(body, headers)
                verified = True
            except Exception as error:  # the library raises WebhookVerificationError
                payload, verified, reason = None, False, str(error)
            with lock:
                if not verified:
                    status = 401
                elif wid in accepted:
                    status = 409
                elif args.fail_first and wid not in seen:
                    status = 500
                else:
                    status = 204
                    accepted.add(wid)
                seen.add(wid)
                log.write(json.dumps({"id": wid, "status": status, "verified": verified,
                                      "type": (payload or {}).get("type"),
                                      "headers": {k: headers[k] for k in ("webhook-id", "webhook-timestamp", "webhook-signature") if k in headers},
                                      "body": body.decode("utf-8", "replace")}) + "\n")
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("listening", flush=True)
    server.serve_forever()


def probe(args):
    entries = [json.loads(line) for line in open(args.log) if line.strip()]
    first = next(e for e in entries if e["status"] == 204)

    def post(body):
        request = urllib.request.Request("http://127.0.0.1:%d/" % args.port, data=body.encode(), method="POST",
                                         headers=dict(first["headers"], **{"content-type": "application/json"}))
        try:
            return urllib.request.urlopen(request, timeout=10).status
        except urllib.error.HTTPError as error:
            return error.code

    print("replayed", post(first["body"]))
    print("tampered", post(first["body"].replace('"record":', '"record":1', 1)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--secret", required=True)
    s.add_argument("--log", required=True)
    s.add_argument("--fail-first", action="store_true")
    p = sub.add_parser("probe")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--log", required=True)
    args = parser.parse_args()
    serve(args) if args.command == "serve" else probe(args)

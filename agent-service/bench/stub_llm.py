#!/usr/bin/env python3
"""Stand-in OpenAI-compatible provider for the LLM cache benchmark: POST /v1/chat/completions.

Only the first (priming) request reaches it; every measured request is a cache hit.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        request = json.loads(self.rfile.read(length) or b"{}")
        body = json.dumps({
            "id": "bench", "object": "chat.completion", "model": request.get("model", "bench-model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "Churn is the share of customers who leave."},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 12, "completion_tokens": 9},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()

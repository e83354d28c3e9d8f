#!/usr/bin/env python3
"""Load through the load balancer for bench/cluster.sh (issue 16).

Shoppers (token-authenticated, each with its own cart) place orders while browsers read the storefront,
all through nginx. A third of the way in, a gold quote changes on node 1 and node 2's price is watched
until it follows; half way, node 2 is killed with -9. Every order request carries an Idempotency-Key and
a request that fails without an answer is sent again with the same key, as a shopper's app would.
Prints one JSON object with what happened; the caller checks the database.
"""
import argparse
import http.client
import json
import os
import random
import signal
import threading
import time
import urllib.parse


class Client:
    """One keep-alive connection (a browser tab or an app)."""

    def __init__(self, base, token=None):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.token = token
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        h = {"Accept": "application/json"}
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        if body is not None:
            h["Content-Type"] = "application/json"
            body = json.dumps(body)
        h.update(headers or {})
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=15)
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
            data = r.read()
            return r.status, data, {k.lower(): v for k, v in r.getheaders()}
        except (OSError, http.client.HTTPException):
            if self.conn:
                self.conn.close()
            self.conn = None
            return 0, b"", {}


def must(status, data, what):
    if status not in (200, 201):
        raise SystemExit(f"{what}: {status} {data[:300]!r}")
    return json.loads(data)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.reads = self.read_errors = self.orders = self.refused = 0
        self.lat = []
        self.errors_after_kill = 0  # answered by nobody more than a second after the kill
        self.errors_around_kill = 0  # in flight on the killed node (within a second of the kill)
        self.retried = self.retry_found_placed = 0
        self.numbers = []
        self.keys = []

    def add(self, **kw):
        with self.lock:
            for k, v in kw.items():
                setattr(self, k, getattr(self, k) + v)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--lb", required=True)
    a.add_argument("--node1", required=True)
    a.add_argument("--node2", required=True)
    a.add_argument("--node2-pid", type=int, required=True)
    a.add_argument("--shoppers", type=int, default=16)
    a.add_argument("--browsers", type=int, default=4)
    a.add_argument("--seconds", type=float, default=20)
    a.add_argument("--variants", default="", help="comma-separated variant ids to sell")
    args = a.parse_args()

    op = Client(args.lb)
    token = must(*op.request("POST", "/api/v1/tokens", {"email": "operator@brilliant.example",
                                                       "password": "brilliant-demo", "name": "cluster"})[:2],
                 "operator token")["token"]
    operator1 = Client(args.node1, token)
    variants = [int(v) for v in args.variants.split(",") if v]
    cards = must(*Client(args.lb).request("GET", "/api/v1/products?metal=gold")[:2], "listing")["cards"]
    gold_slug = cards[0]["slug"]
    paths = ["/", "/shop?category=ring", "/products/" + gold_slug, "/search?q=gold+ring",
             "/api/v1/products?category=necklace"]

    run = "cl-" + os.urandom(4).hex()
    shoppers = []
    for i in range(args.shoppers):
        c = Client(args.lb)
        body = {"email": f"{run}-{i}@cluster.example", "name": "Cluster shopper", "password": "cluster-password"}
        shoppers.append(Client(args.lb, must(*c.request("POST", "/api/v1/auth/signup", body)[:2], "signup")["token"]))

    stats = Stats()
    start = time.monotonic()
    stop_at = start + args.seconds
    killed_at = [None]

    def classify_error():
        k = killed_at[0]
        now = time.monotonic()
        if k is not None and now - k > 1.0:
            stats.add(errors_after_kill=1)
        else:
            stats.add(errors_around_kill=1)

    def browse():
        c = Client(args.lb)
        while time.monotonic() < stop_at:
            t0 = time.monotonic()
            status, _, _ = c.request("GET", random.choice(paths))
            if status == 200:
                stats.add(reads=1)
            else:
                stats.add(read_errors=1)
                classify_error()
            with stats.lock:
                stats.lat.append(time.monotonic() - t0)

    def shop(n, c):
        seq = 0
        while time.monotonic() < stop_at:
            seq += 1
            key = f"{run}-{n}-{seq}"
            status, data, headers = c.request("POST", "/api/v1/cart/lines",
                                              {"variant_id": random.choice(variants), "quantity": 1})
            if status != 201:
                if status in (0, 502, 503, 504):
                    classify_error()
                continue
            cart = headers.get("x-cart-token", "")
            with stats.lock:
                stats.keys.append(key)
            for attempt in range(4):
                status, data, _ = c.request("POST", "/api/v1/orders", {
                    "recipient": "Kim", "phone": "01023456789", "postcode": "54538",
                    "address": "1 Boseok-ro, Iksan"}, {"Idempotency-Key": key, "X-Cart-Token": cart})
                if status == 201:
                    with stats.lock:
                        stats.numbers.append(json.loads(data)["number"])
                    stats.add(orders=1)
                    break
                if status in (0, 502, 503, 504):  # no answer: the node died with it; the same key again
                    classify_error()
                    stats.add(retried=1)
                    continue
                if status == 409 and b"checkout_key_used" in data:
                    stats.add(retry_found_placed=1)  # the lost answer's order stands; not placed twice
                    break
                stats.add(refused=1)  # sold out and the like: a clear refusal
                break

    def quote_change():
        time.sleep(args.seconds / 3)
        day = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 9 * 3600))
        quotes = must(*operator1.request("GET", "/api/v1/quotes")[:2], "quotes")["quotes"]
        won = quotes["gold"]["won_per_gram"] + 1000
        t0 = time.monotonic()
        must(*operator1.request("POST", "/api/v1/quotes", {"metal": "gold", "day": day, "won_per_gram": won})[:2],
             "quote change")
        answered = time.monotonic()  # node 1 has repriced, reloaded and told the others
        result["quote_answered_ms"] = round((answered - t0) * 1000)
        want = must(*Client(args.node1).request("GET", "/api/v1/products/" + gold_slug)[:2], "node 1")["price"]
        # Node 2's listing comes from its in-memory snapshot and page cache: it changes only when node 2
        # hears of the quote.
        watch = Client(args.node2)
        while time.monotonic() - t0 < 10:
            status, data, _ = watch.request("GET", "/api/v1/products?metal=gold")
            if status == 200 and any(c["slug"] == gold_slug and c["price"] == want for c in json.loads(data)["cards"]):
                result["price_followed_ms"] = round((time.monotonic() - t0) * 1000)
                result["followed_after_answer_ms"] = round((time.monotonic() - answered) * 1000)
                return
            time.sleep(0.005)
        result["price_followed_ms"] = None

    def kill():
        time.sleep(args.seconds / 2)
        os.kill(args.node2_pid, signal.SIGKILL)
        killed_at[0] = time.monotonic()

    result = {}
    threads = [threading.Thread(target=browse) for _ in range(args.browsers)]
    threads += [threading.Thread(target=shop, args=(i, c)) for i, c in enumerate(shoppers)]
    threads += [threading.Thread(target=quote_change), threading.Thread(target=kill)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    lat = sorted(stats.lat) or [0]
    result.update({
        "run": run, "seconds": round(elapsed, 1), "reads": stats.reads, "read_errors": stats.read_errors,
        "reads_per_s": round(stats.reads / elapsed), "read_p99_ms": round(lat[int(len(lat) * 0.99)] * 1000, 1),
        "orders": stats.orders, "orders_per_s": round(stats.orders / elapsed, 1), "refused": stats.refused,
        "retried": stats.retried, "retry_found_placed": stats.retry_found_placed,
        "errors_around_kill": stats.errors_around_kill, "errors_after_kill": stats.errors_after_kill,
        "numbers": stats.numbers, "keys": stats.keys})
    print(json.dumps(result))


if __name__ == "__main__":
    main()

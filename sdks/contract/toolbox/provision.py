#!/usr/bin/env python3
"""Provisions one language's accounts and live keys through the admin accounts API (HTTP Basic, a console admin)
and prints them as shell `export` lines for sdks/contract/run.sh. Python stdlib only.

  main        starter plan, 5 jobs in flight         -> REELFORGE_API_KEY
  quota1      max_concurrent_jobs 1                  -> REELFORGE_QUOTA1_KEY
  broke       balance brought to 0                   -> REELFORGE_BROKE_KEY
  restricted  allowed_resolutions ["720p"]           -> REELFORGE_RESTRICTED_KEY
"""
import argparse
import base64
import json
import shlex
import sys
import urllib.error
import urllib.request


class Admin:
    def __init__(self, base, user, password):
        self.base = base.rstrip("/")
        self.auth = "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()

    def call(self, method, path, body=None, expect=(200, 201)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Authorization": self.auth, "Content-Type": "application/json",
                                              "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode(errors="replace")
        if status not in expect:
            sys.exit("provision: %s %s answered %d: %s" % (method, path, status, text[:500]))
        return json.loads(text) if text else None

    def account(self, name, **fields):
        acct = self.call("POST", "/v1/admin/accounts", dict(name=name, plan="starter", **fields))
        key = self.call("POST", "/v1/admin/accounts/%s/keys" % acct["id"], {"mode": "live", "name": "sdk-contract"})
        return acct, key["key"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base-url", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--lang", required=True)
    p.add_argument("--run-id", default="", help="suffix for the account names (several runs on one appliance)")
    a = p.parse_args()
    admin = Admin(a.base_url, a.user, a.password)
    prefix = "sdk-%s%s" % (a.lang, "-" + a.run_id if a.run_id else "")

    _, main_key = admin.account(prefix + "-main", max_concurrent_jobs=5)
    _, quota1_key = admin.account(prefix + "-quota1", max_concurrent_jobs=1)
    broke, broke_key = admin.account(prefix + "-broke")
    if broke["balance"]:
        admin.call("POST", "/v1/admin/accounts/%s/credits" % broke["id"],
                   {"amount": -broke["balance"], "reason": "SDK contract: an account with no credits (402)"})
    if admin.call("GET", "/v1/admin/accounts/%s" % broke["id"])["balance"] != 0:
        sys.exit("provision: the broke account's balance is not 0")
    _, restricted_key = admin.account(prefix + "-restricted", allowed_resolutions=["720p"])

    for name, value in (("REELFORGE_API_KEY", main_key), ("REELFORGE_QUOTA1_KEY", quota1_key),
                        ("REELFORGE_BROKE_KEY", broke_key), ("REELFORGE_RESTRICTED_KEY", restricted_key)):
        print("export %s=%s" % (name, shlex.quote(value)))


if __name__ == "__main__":
    main()

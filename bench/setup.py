"""Creates the benchmark's user through the hub's own API and prints a fresh API key."""
import json
import sys
import urllib.request

base, admin_email, admin_password = sys.argv[1:4]


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


admin = call("POST", "/api/auth/login", {"email": admin_email, "password": admin_password})["token"]
user = call("POST", "/api/auth/register", {"email": "bench@bench.local", "password": "bench-user-123"})
user_id = user["user"]["id"]
call("POST", f"/api/admin/approve/{user_id}", {}, admin)
call("PUT", f"/api/admin/users/{user_id}", {"tierId": "00000000-0000-4000-8000-000000000004"}, admin)
call("POST", f"/api/admin/users/{user_id}/balance", {"amount": 1000000, "reason": "benchmark"}, admin)
call("PUT", "/api/admin/model-configs/bench-model-id",
     {"isEnabled": True, "isFree": False, "inputPricePerMillion": 1.0, "outputPricePerMillion": 2.0}, admin)
key = call("POST", "/api/keys", {"name": "bench"}, user["token"])["key"]
print(key)

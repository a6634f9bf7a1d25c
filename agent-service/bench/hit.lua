-- wrk: the same deterministic completion request on every call, so every call is a cache hit
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"What is churn?"}],"temperature":0}'

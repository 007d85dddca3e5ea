from flask import Flask, jsonify, request
import requests

app = Flask(__name__)


@app.get("/notes/<int:note_id>")
def note(note_id: int):
    upstream = requests.get(f"http://notes.internal/api/{note_id}", timeout=5)
    upstream.raise_for_status()
    return jsonify(upstream.json())


@app.post("/notes")
def create():
    payload = request.get_json()
    reply = requests.post("http://notes.internal/api", json=payload, timeout=5)
    return jsonify(reply.json()), reply.status_code

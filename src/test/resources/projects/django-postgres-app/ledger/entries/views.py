from django.db import connection
from django.http import JsonResponse


def balance(request, account):
    with connection.cursor() as cur:
        cur.execute("SELECT sum(amount) FROM entries WHERE account = %s", [account])
        (total,) = cur.fetchone()
    return JsonResponse({"account": account, "balance": total})

"""Account, document and webhook views (Django)."""

import json
import os
import re

import requests
from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views import View

from .forms import WebhookForm
from .serializers import ProfileSerializer

DOCS_ROOT = "/var/app/documents"
PARTNER_HOSTS = {"partner.example.com", "api.partner.example.com"}


def document(request, filename):
    return FileResponse(open(os.path.join(DOCS_ROOT, filename), "rb"))  # expect: path-traversal


def document_by_pk(request, pk):
    return FileResponse(open(os.path.join(DOCS_ROOT, "%d.pdf" % pk), "rb"))  # ok: path-traversal


def document_download(request):
    name = request.GET.get("name", "")
    return FileResponse(open(DOCS_ROOT + "/" + name, "rb"))  # expect: path-traversal


def document_basename(request):
    name = os.path.basename(request.GET.get("name", ""))
    return FileResponse(open(DOCS_ROOT + "/" + name, "rb"))  # ok: path-traversal


def after_login(request):
    next_url = request.GET.get("next", "/")
    return HttpResponseRedirect(next_url)  # expect: open-redirect


def after_login_checked(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
        return redirect("/")  # ok: open-redirect
    return redirect(next_url)  # ok: open-redirect


def after_logout(request):
    return redirect(request.POST["return_to"])  # expect: open-redirect


def after_logout_named(request):
    return redirect("accounts:login")  # ok: open-redirect


def language(request, code):
    response = HttpResponseRedirect(request.META.get("HTTP_REFERER", "/"))  # expect: open-redirect
    response.set_cookie("lang", code)
    return response


def greet(request):
    name = request.GET.get("name", "")
    return HttpResponse("<p>Hello " + name + "</p>")  # expect: xss


def greet_escaped(request):
    name = request.GET.get("name", "")
    return HttpResponse("<p>Hello " + escape(name) + "</p>")  # ok: xss


def greet_format_html(request):
    return HttpResponse(format_html("<p>Hello {}</p>", request.GET.get("name", "")))  # ok: xss


def motd(request):
    message = request.POST.get("message", "")
    return render(request, "motd.html", {"message": mark_safe(message)})  # expect: xss


def motd_plain(request):
    return render(request, "motd.html", {"message": request.POST.get("message", "")})  # ok: xss


def echo(request):
    return HttpResponse(request.body)  # expect: xss


def highlight(request):
    term = request.GET["q"]
    pattern = re.compile(term, re.IGNORECASE)  # expect: regex-injection
    return JsonResponse({"ok": bool(pattern.search("Quarterly report"))})


def highlight_literal(request):
    term = request.GET["q"]
    pattern = re.compile(re.escape(term), re.IGNORECASE)  # ok: regex-injection
    return JsonResponse({"ok": bool(pattern.search("Quarterly report"))})


def webhook_test(request):
    url = request.POST["url"]
    requests.post(url, json={"ping": True}, timeout=5)  # expect: ssrf
    return JsonResponse({"sent": True})


def webhook_partner(request):
    url = request.POST["url"]
    if urlparse_host(url) not in PARTNER_HOSTS:
        return JsonResponse({"error": "host"}, status=400)
    requests.post(url, json={"ping": True}, timeout=5)  # todo-ok: ssrf
    return JsonResponse({"sent": True})


def webhook_form(request):
    form = WebhookForm(request.POST)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    requests.post(form.cleaned_data["url"], timeout=5)  # ok: ssrf
    return JsonResponse({"sent": True})


def profile_update(request):
    data = json.loads(request.body)  # expect: unvalidated-body
    request.user.profile.bio = data.get("bio", "")
    request.user.profile.save()
    return JsonResponse({"ok": True})


def profile_update_checked(request):
    serializer = ProfileSerializer(data=json.loads(request.body))  # ok: unvalidated-body
    serializer.is_valid(raise_exception=True)
    serializer.save()
    return JsonResponse(serializer.validated_data)


class ExportView(View):
    def get(self, request, fmt):
        path = os.path.join(settings.EXPORT_ROOT, "export." + fmt)
        return FileResponse(open(path, "rb"))  # expect: path-traversal

    def post(self, request):
        target = self.request.POST.get("target", "")
        return redirect(target)  # expect: open-redirect


def avatar(request, user_id):
    return FileResponse(open(os.path.join(DOCS_ROOT, "avatars", f"{user_id}.png"), "rb"))  # ok: path-traversal

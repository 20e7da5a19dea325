FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# Pango and a font for WeasyPrint (the PDF reports).
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN pip install -r requirements/base.txt
COPY . .
RUN DEBUG=true python manage.py collectstatic --noinput -v0 \
    && DEBUG=true python manage.py compilemessages -v0 || true
# The storage roots exist in the image, owned by netw: a new named volume mounted there takes
# their owner, so the unprivileged processes can write to it.
RUN useradd --create-home netw && mkdir -p /app/var /data/media /data/exports /data/private \
    && chown -R netw /app/var /data
USER netw
EXPOSE 8000
CMD ["gunicorn", "netw.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

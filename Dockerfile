# Debian bookworm + PHP 8.2: builds the extension and runs the seed's
# tcpServer.php on port 9501.
#   docker build -t swoole-rs .
#   docker run --rm -p 9501:9501 swoole-rs
FROM rust:1-bookworm AS build
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php8.2-cli php8.2-dev libclang-dev build-essential \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release -p swoole

FROM debian:bookworm-slim
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php8.2-cli \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/libswoole.so /usr/lib/php/20220829/swoole.so
RUN echo "extension=swoole.so" > /etc/php/8.2/mods-available/swoole.ini && phpenmod swoole
COPY examples-php /app
WORKDIR /app
# The seed listens on 127.0.0.1; in a container, listen on all interfaces.
RUN sed -i "s/'127.0.0.1', 9501/'0.0.0.0', 9501/" /app/tcpServer.php
EXPOSE 9501
# php as PID 1 is fine: the server handles SIGTERM and reaps its workers.
CMD ["php", "/app/tcpServer.php"]

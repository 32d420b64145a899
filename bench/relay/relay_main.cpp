// kith-relay: the bench's baseline. Usage: kith-relay [--listen HOST:PORT]
#include "Relay.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kith-relay"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Relays every text frame to every connected client (bench baseline)."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Address to listen on."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:0")});
    parser.process(app);

    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    const QHostAddress host(colon > 0 ? listen.left(colon) : QStringLiteral("127.0.0.1"));
    if (colon < 0 || !portOk || port > 65535 || host.isNull()) {
        std::fprintf(stderr, "kith-relay: bad --listen %s\n", qPrintable(listen));
        return 2;
    }
    kith::bench::Relay relay;
    QString error;
    if (!relay.listen(host, quint16(port), &error)) {
        std::fprintf(stderr, "kith-relay: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("listening on ws://%s:%u\n", qPrintable(host.toString()), relay.port());
    std::fflush(stdout);
    return app.exec();
}

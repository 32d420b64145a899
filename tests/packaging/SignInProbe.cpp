// kith-signin-probe URL: registers a user on a running kith-server, then signs in with a second
// connection and waits for `ready`. Exit 0 when both worked. Used by deb-install.sh against the
// server installed from the package.
#include "common/TestClient.h"

#include <QCoreApplication>
#include <QUuid>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: kith-signin-probe ws://HOST:PORT\n");
        return 2;
    }
    const QUrl url(QString::fromLocal8Bit(argv[1]));
    const QString name = QStringLiteral("probe") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString password = QStringLiteral("probe-password-1");
    auto fail = [](const char *what, const QString &detail) {
        std::fprintf(stderr, "kith-signin-probe: %s: %s\n", what, qPrintable(detail));
        return 1;
    };
    {
        kith::test::TestClient first;
        if (!first.connectTo(url, 30000))
            return fail("no hello", url.toString());
        const auto r = first.registerUser(name, password);
        if (!r.ok)
            return fail("session.register", r.describe());
        first.close();
    }
    kith::test::TestClient second;
    if (!second.connectTo(url, 30000))
        return fail("no hello on the second connection", url.toString());
    const auto r = second.login(name, password);
    if (!r.ok || second.readyData().isEmpty())
        return fail("session.login", r.describe());
    std::printf("signed in as %s (user %s)\n", qPrintable(name), qPrintable(second.userId()));
    second.close();
    return 0;
}

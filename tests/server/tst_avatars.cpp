// Avatars and guild icons (issue 12) against a real server: user.update and guild.update with an
// upload, the 256x256 PNG served on the gateway's port, who hears user.updated, removal with null,
// the old PNG going when replaced, surviving the unused-upload sweep, and each refusal.
#include "SocialFixture.h"
#include "common/RawHttp.h"
#include "common/Scenario.h"
#include "server/Server.h"

#include <QBuffer>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace kith::test;

namespace {

//! A wide image in three bands (red, green, blue): its centre square is mostly green.
QByteArray bandsPng(int w, int h, QColor tint = Qt::green)
{
    QImage img(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            img.setPixel(x, y, (x < w / 3 ? QColor(Qt::red) : x < 2 * w / 3 ? tint : QColor(Qt::blue)).rgb());
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "PNG");
    return out;
}

} // namespace

class tst_Avatars : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void helloAnnouncesAvatars();
    void setAvatar();
    void whoHearsOfIt();
    void removeWithNull();
    void replacedPngGoes();
    void keptThroughSweepAndRestart();
    void refusals();
    void guildIcon();
    void plainMemberCannotSetIcon();
    void getNeedsToken();
    void displayNameAlone();

private:
    quint16 port() { return quint16(m_fx.server().url().port()); }
    //! The id of a new upload of `body` by c (empty on failure).
    QString upload(TestClient &c, const QByteArray &body, const QString &name);
    HttpReply get(const QString &token, const QString &path);
    Reply setAvatar(TestClient &c, const QJsonValue &id);
    //! Avatar PNGs in the attachments folder.
    int avatarFiles();

    SocialFixture m_fx;
    std::unique_ptr<TestClient> m_a, m_b, m_c, m_d;
    GuildRef m_g;
};

void tst_Avatars::initTestCase()
{
    QString err;
    QVERIFY2(m_fx.start(&err), qPrintable(err));
}

// a owns the guild, b is a member, d is a's friend outside the guild, c is a stranger.
void tst_Avatars::init()
{
    m_a = m_fx.user(u"ann"_s);
    m_b = m_fx.user(u"ben"_s);
    m_c = m_fx.user(u"cat"_s);
    m_d = m_fx.user(u"dan"_s);
    m_g = createGuild(*m_a);
    QVERIFY(m_g.valid());
    QVERIFY(joinGuild(*m_a, *m_b, m_g));
    QVERIFY(m_fx.befriend(*m_a, *m_d));
    for (auto *c : {m_a.get(), m_b.get(), m_c.get(), m_d.get()})
        QVERIFY(SocialFixture::flush(*c));
    m_fx.forget({m_a.get(), m_b.get(), m_c.get(), m_d.get()});
}

void tst_Avatars::cleanup()
{
    for (auto *c : {m_a.get(), m_b.get(), m_c.get(), m_d.get()})
        if (c)
            QVERIFY2(c->protocolProblems().isEmpty(), qPrintable(c->protocolProblems().join(u'\n')));
    m_a.reset();
    m_b.reset();
    m_c.reset();
    m_d.reset();
}

QString tst_Avatars::upload(TestClient &c, const QByteArray &body, const QString &name)
{
    const HttpReply r = httpUpload(port(), c.token(), body, name);
    return r.status == 201 ? r.json().value(u"id"_s).toString() : QString();
}

HttpReply tst_Avatars::get(const QString &token, const QString &path)
{
    return httpExchange(port(), httpRequest("GET", path.toUtf8(), token, {}, {}, false));
}

Reply tst_Avatars::setAvatar(TestClient &c, const QJsonValue &id)
{
    return c.request(u"user.update"_s, {{u"avatar_attachment_id"_s, id}});
}

int tst_Avatars::avatarFiles()
{
    int n = 0;
    QDirIterator it(m_fx.server().dataDir() + u"/attachments"_s, {u"*.avatar.png"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

void tst_Avatars::helloAnnouncesAvatars()
{
    auto c = m_fx.server().connect();
    QVERIFY(c->hello().value(u"features"_s).toArray().contains(u"avatars"_s));
}

void tst_Avatars::setAvatar()
{
    const QString id = upload(*m_a, bandsPng(600, 300), u"me.png"_s);
    QVERIFY(!id.isEmpty());
    const Reply r = setAvatar(*m_a, id);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QJsonObject user = r.d.value(u"user"_s).toObject();
    const QString path = user.value(u"avatar"_s).toString();
    QCOMPARE(path, u"/api/v1/avatars/%1.png"_s.arg(id));
    QCOMPARE(user.value(u"display_name"_s), m_a->user().value(u"display_name"_s)); // untouched

    // Any signed-in user may fetch it: a 256x256 PNG of the centre square, scaled.
    const HttpReply png = get(m_c->token(), path);
    QCOMPARE(png.status, 200);
    QCOMPARE(png.headers.value("content-type"), QByteArray("image/png"));
    QImage img;
    QVERIFY(img.loadFromData(png.body, "PNG"));
    QCOMPARE(img.size(), QSize(256, 256));
    QCOMPARE(QColor(img.pixel(128, 128)), QColor(Qt::green));
    QCOMPARE(QColor(img.pixel(4, 128)), QColor(Qt::red));   // 150..200 of the 600 is red
    QCOMPARE(QColor(img.pixel(251, 128)), QColor(Qt::blue));
}

void tst_Avatars::whoHearsOfIt()
{
    const QString id = upload(*m_a, bandsPng(64, 64), u"a.png"_s);
    const Reply r = setAvatar(*m_a, id);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QString aId = m_a->userId();
    auto aboutA = [aId](const Event &e) {
        return e.d.value(u"user"_s).toObject().value(u"id"_s).toString() == aId;
    };
    for (TestClient *c : {m_b.get(), m_d.get(), m_a.get()}) { // guild-mate, friend, me
        const auto ev = m_fx.waitFor(*c, u"user.updated"_s, aboutA);
        QVERIFY(ev);
        QCOMPARE(ev->d.value(u"user"_s).toObject().value(u"avatar"_s).toString(), u"/api/v1/avatars/%1.png"_s.arg(id));
    }
    QVERIFY(SocialFixture::flush(*m_c));
    QCOMPARE(m_fx.count(*m_c, u"user.updated"_s), 0); // a stranger
    // Those who hold a's object see the avatar there too: the guild's member list.
    const Reply members = m_b->request(u"guild.members"_s, {{u"guild_id"_s, m_g.guildId}});
    QVERIFY2(members.ok, qPrintable(members.describe()));
    bool seen = false;
    for (const QJsonValue &m : members.d.value(u"members"_s).toArray()) {
        const QJsonObject u = m.toObject().value(u"user"_s).toObject();
        if (u.value(u"id"_s).toString() == aId)
            seen = u.value(u"avatar"_s).toString() == u"/api/v1/avatars/%1.png"_s.arg(id);
    }
    QVERIFY(seen);
}

void tst_Avatars::removeWithNull()
{
    const QString id = upload(*m_a, bandsPng(90, 120, Qt::yellow), u"gone.png"_s);
    QVERIFY(setAvatar(*m_a, id).ok);
    const QString path = u"/api/v1/avatars/%1.png"_s.arg(id);
    QCOMPARE(get(m_b->token(), path).status, 200);
    const int before = avatarFiles();
    const Reply r = setAvatar(*m_a, QJsonValue::Null);
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QVERIFY(r.d.value(u"user"_s).toObject().contains(u"avatar"_s));
    QVERIFY(r.d.value(u"user"_s).toObject().value(u"avatar"_s).isNull());
    const auto ev = m_fx.waitFor(*m_b, u"user.updated"_s, [](const Event &e) {
        return e.d.value(u"user"_s).toObject().value(u"avatar"_s).isNull();
    });
    QVERIFY(ev);
    QCOMPARE(get(m_b->token(), path).status, 404);
    QTRY_COMPARE(avatarFiles(), before - 1);
}

void tst_Avatars::replacedPngGoes()
{
    const QString first = upload(*m_a, bandsPng(100, 100, Qt::cyan), u"1.png"_s);
    const QString second = upload(*m_a, bandsPng(100, 100, Qt::magenta), u"2.png"_s);
    QVERIFY(setAvatar(*m_a, first).ok);
    const int withFirst = avatarFiles();
    QVERIFY(setAvatar(*m_a, second).ok);
    QCOMPARE(get(m_a->token(), u"/api/v1/avatars/%1.png"_s.arg(first)).status, 404);
    QCOMPARE(get(m_a->token(), u"/api/v1/avatars/%1.png"_s.arg(second)).status, 200);
    QTRY_COMPARE(avatarFiles(), withFirst); // one went, one came
    // The same content used again is stored once: a second user choosing the same bytes.
    const QString same = upload(*m_b, bandsPng(100, 100, Qt::magenta), u"again.png"_s);
    QVERIFY(setAvatar(*m_b, same).ok);
    QCOMPARE(avatarFiles(), withFirst);
    // An avatar's upload cannot be sent in a message too.
    const Reply sent = m_a->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                                       {u"content"_s, u"x"_s},
                                                       {u"nonce"_s, newNonce()},
                                                       {u"attachment_ids"_s, QJsonArray{second}}});
    QCOMPARE(sent.code, u"bad_request"_s);
}

void tst_Avatars::keptThroughSweepAndRestart()
{
    // The hour-old unused-upload sweep (it also runs at start) spares uploads an avatar uses.
    const QString id = upload(*m_a, bandsPng(300, 200, Qt::darkGreen), u"kept.png"_s);
    const QString loose = upload(*m_a, bandsPng(30, 20, Qt::gray), u"loose.png"_s);
    QVERIFY(setAvatar(*m_a, id).ok);
    const QString token = m_a->token(), other = m_b->token();
    cleanup();
    QVERIFY(m_fx.server().withDb([](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"UPDATE attachments SET created_at = created_at - ?"_s);
        q.addBindValue(qint64(2) * 3600 * 1000);
        return q.exec();
    }));
    QVERIFY(m_fx.server().restart());
    QTRY_COMPARE_WITH_TIMEOUT(get(token, u"/api/v1/attachments/%1/loose.png"_s.arg(loose)).status, 404, 10000);
    const HttpReply png = get(other, u"/api/v1/avatars/%1.png"_s.arg(id));
    QCOMPARE(png.status, 200);
    // ready after the restart carries it: the Directory loaded it from storage.
    auto a = m_fx.server().connect();
    QVERIFY(a->loginWithToken(token).ok);
    QCOMPARE(a->readyData().value(u"user"_s).toObject().value(u"avatar"_s).toString(), u"/api/v1/avatars/%1.png"_s.arg(id));
}

void tst_Avatars::refusals()
{
    const QString theirs = upload(*m_b, bandsPng(50, 50), u"b.png"_s);
    const QString text = upload(*m_a, "just words", u"t.txt"_s);
    const QString svg = upload(*m_a, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", u"s.svg"_s);
    QVERIFY(!theirs.isEmpty() && !text.isEmpty() && !svg.isEmpty());
    QCOMPARE(setAvatar(*m_a, theirs).code, u"bad_request"_s);       // someone else's
    QCOMPARE(setAvatar(*m_a, text).code, u"bad_request"_s);         // not an image
    QCOMPARE(setAvatar(*m_a, svg).code, u"bad_request"_s);          // SVG is not an image here
    QCOMPARE(setAvatar(*m_a, u"999999"_s).code, u"bad_request"_s);  // unknown
    QCOMPARE(setAvatar(*m_a, 12).code, u"bad_request"_s);           // not an id string
    QCOMPARE(m_a->request(u"user.update"_s, {}).code, u"bad_request"_s); // nothing to change
    // An upload a message took is no longer free.
    const QString sentOne = upload(*m_a, bandsPng(40, 40), u"sent.png"_s);
    QVERIFY(m_a->request(u"message.send"_s, {{u"channel_id"_s, m_g.channelId},
                                             {u"content"_s, u""_s},
                                             {u"nonce"_s, newNonce()},
                                             {u"attachment_ids"_s, QJsonArray{sentOne}}})
                .ok);
    QCOMPARE(setAvatar(*m_a, sentOne).code, u"bad_request"_s);
    // A refused update changed nothing and told no one.
    const Reply name = m_a->request(u"user.update"_s, {{u"display_name"_s, u"Renamed"_s}, {u"avatar_attachment_id"_s, text}});
    QCOMPARE(name.code, u"bad_request"_s);
    QVERIFY(SocialFixture::flush(*m_b));
    QCOMPARE(m_fx.count(*m_b, u"user.updated"_s), 0);
    // An upload that is no avatar is not served on the avatar path.
    const QString unused = upload(*m_a, bandsPng(20, 20), u"u.png"_s);
    QCOMPARE(get(m_a->token(), u"/api/v1/avatars/%1.png"_s.arg(unused)).status, 404);
    QCOMPARE(get(m_a->token(), u"/api/v1/avatars/nothing.png"_s).status, 404);
    QCOMPARE(httpExchange(port(), httpRequest("POST", "/api/v1/avatars/1.png", m_a->token(), "x")).status, 405);
}

void tst_Avatars::guildIcon()
{
    const QString id = upload(*m_a, bandsPng(200, 400), u"icon.png"_s);
    const Reply r = m_a->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"icon_attachment_id"_s, id}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    const QString path = u"/api/v1/avatars/%1.png"_s.arg(id);
    QCOMPARE(r.d.value(u"icon"_s).toString(), path);
    QCOMPARE(r.d.value(u"name"_s).toString(), m_g.full.value(u"name"_s).toString()); // untouched
    const auto ev = m_fx.waitFor(*m_b, u"guild.updated"_s);
    QVERIFY(ev);
    QCOMPARE(ev->d.value(u"icon"_s).toString(), path);
    const HttpReply png = get(m_b->token(), path);
    QCOMPARE(png.status, 200);
    QImage img;
    QVERIFY(img.loadFromData(png.body, "PNG"));
    QCOMPARE(img.size(), QSize(256, 256));
    // A fresh sign-in sees it in the full guild.
    auto b2 = m_fx.secondSession(*m_b);
    QVERIFY(b2);
    QString seen;
    for (const QJsonValue &g : b2->readyData().value(u"guilds"_s).toArray())
        if (g.toObject().value(u"id"_s).toString() == m_g.guildId)
            seen = g.toObject().value(u"icon"_s).toString();
    QCOMPARE(seen, path);
    // Renamed and un-iconed at once.
    const Reply off = m_a->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId},
                                                      {u"name"_s, u"Plain"_s},
                                                      {u"icon_attachment_id"_s, QJsonValue::Null}});
    QVERIFY2(off.ok, qPrintable(off.describe()));
    QVERIFY(off.d.value(u"icon"_s).isNull());
    QCOMPARE(off.d.value(u"name"_s).toString(), u"Plain"_s);
    QCOMPARE(get(m_b->token(), path).status, 404);
    // Someone else's upload is refused as for avatars.
    const QString theirs = upload(*m_b, bandsPng(50, 50), u"b.png"_s);
    QCOMPARE(m_a->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"icon_attachment_id"_s, theirs}}).code,
             u"bad_request"_s);
}

void tst_Avatars::plainMemberCannotSetIcon()
{
    const QString id = upload(*m_b, bandsPng(50, 50), u"mine.png"_s);
    const Reply r = m_b->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"icon_attachment_id"_s, id}});
    QCOMPARE(r.code, u"forbidden"_s);
    QCOMPARE(m_c->request(u"guild.update"_s, {{u"guild_id"_s, m_g.guildId}, {u"icon_attachment_id"_s, id}}).code,
             u"not_found"_s); // not a member: as for a rename
}

void tst_Avatars::getNeedsToken()
{
    const QString id = upload(*m_a, bandsPng(50, 50), u"t.png"_s);
    QVERIFY(setAvatar(*m_a, id).ok);
    const HttpReply r = get(QString(), u"/api/v1/avatars/%1.png"_s.arg(id));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.headers.value("www-authenticate"), QByteArray("Bearer"));
    QCOMPARE(get(u"not-a-token"_s, u"/api/v1/avatars/%1.png"_s.arg(id)).status, 401);
}

void tst_Avatars::displayNameAlone()
{
    // v1's user.update is unchanged: a name alone, the avatar left as it is.
    const QString id = upload(*m_a, bandsPng(50, 50), u"n.png"_s);
    QVERIFY(setAvatar(*m_a, id).ok);
    const Reply r = m_a->request(u"user.update"_s, {{u"display_name"_s, u"  New   Name "_s}});
    QVERIFY2(r.ok, qPrintable(r.describe()));
    QCOMPARE(r.d.value(u"user"_s).toObject().value(u"display_name"_s).toString(), u"New Name"_s);
    QCOMPARE(r.d.value(u"user"_s).toObject().value(u"avatar"_s).toString(), u"/api/v1/avatars/%1.png"_s.arg(id));
    const Reply both = m_a->request(u"user.update"_s, {{u"display_name"_s, u"Both"_s}, {u"avatar_attachment_id"_s, QJsonValue::Null}});
    QVERIFY2(both.ok, qPrintable(both.describe()));
    QCOMPARE(both.d.value(u"user"_s).toObject().value(u"display_name"_s).toString(), u"Both"_s);
    QVERIFY(both.d.value(u"user"_s).toObject().value(u"avatar"_s).isNull());
}

QTEST_GUILESS_MAIN(tst_Avatars)
#include "tst_avatars.moc"

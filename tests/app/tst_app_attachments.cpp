// Files and images through the desktop app, against its real embedded server and a second real
// client (a ClientState over its own Connection, signed in as a friend): picked and pasted
// files upload through the outbox and arrive in both clients' models, thumbnails are fetched
// for visible rows into rows already the image's height, a file over the host's limit is
// refused before any upload, a send made offline uploads once the host is back, and saving a
// file writes the bytes that were sent.
#include "AppFixture.h"
#include "TestClient.h"
#include "net/Outbox.h"
#include "state/AttachmentCache.h"
#include "ui/AttachmentTray.h"
#include "ui/ChatPane.h"
#include "ui/ImageViewer.h"
#include "ui/MessageDelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;
using M = MessageListModel;

namespace {
// The outbox's copies are made and removed by its writer thread, each with an fsync: seconds
// when other suites write at the same time (CI runs two at once, the sanitized build slower).
constexpr int kDiskMs = 30000;
} // namespace

class tst_app_attachments : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void filesAndPastedImageArrive();
    void thumbnailFillsItsRow();
    void imageOpensInViewer();
    void tooLargeIsRefused();
    void offlineSendUploadsAfterReconnect();
    void savingWritesIdenticalBytes();
    void cancelRemovesPendingUpload();
    void refusedUploadFailsVisibly();
    void droppedFilesAreAttached();
    void pendingFileSurvivesRestart();
    void cleanupTestCase();

private:
    QList<Attachment> attachmentsOf(const M *model, const QString &content, int status = -1) const;
    QString writeFile(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_friend;
    std::unique_ptr<Connection> m_friendConn;
    std::unique_ptr<ClientState> m_friendState;
    Id m_general = 0;
    QString m_photo;      //!< a 640x480 PNG on disk
    QString m_notes;      //!< 3000 random bytes
    QByteArray m_notesBytes;
};

QList<Attachment> tst_app_attachments::attachmentsOf(const M *model, const QString &content, int status) const
{
    for (int i = model->rowCount() - 1; i >= 0; --i) {
        const QModelIndex ix = model->index(i);
        if (ix.data().toString() == content && (status < 0 || ix.data(M::StatusRole).toInt() == status))
            return ix.data(M::AttachmentsRole).value<QList<Attachment>>();
    }
    return {};
}

QString tst_app_attachments::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(m_dir.path()).filePath(u"files/"_s + name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

void tst_app_attachments::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(f.start(QDir(m_dir.path()).filePath(u"app"_s), true));
    m_general = f.state()->currentChannel();
    QVERIFY(m_general);
    const QString code = f.createInvite();
    QVERIFY(!code.isEmpty());
    QVERIFY(f.guest(m_friend, u"friend"_s, u"Friend"_s, code));
    m_friend.reset(); // its account is what matters: the friend signs in with a real client
    m_friendConn = std::make_unique<Connection>();
    m_friendConn->setBackoff(20, 200);
    m_friendState = std::make_unique<ClientState>(m_friendConn.get());
    Credentials c;
    c.mode = Credentials::Mode::Password;
    c.username = u"friend"_s;
    c.password = u"friendly-pass"_s;
    m_friendConn->open(f.app->server()->url(), c);
    QTRY_VERIFY_WITH_TIMEOUT(m_friendState->hasState(), 10000);
    m_friendState->selectGuild(f.state()->currentGuild());
    m_friendState->selectChannel(m_general);

    QImage photo(640, 480, QImage::Format_RGB32);
    photo.fill(QColor(20, 160, 60));
    m_photo = QDir(m_dir.path()).filePath(u"files/photo.png"_s);
    QDir().mkpath(QFileInfo(m_photo).absolutePath());
    QVERIFY(photo.save(m_photo));
    for (int i = 0; i < 3000; ++i)
        m_notesBytes.append(char(QRandomGenerator::global()->bounded(256)));
    m_notes = writeFile(u"notes.bin"_s, m_notesBytes);
    QVERIFY(!m_notes.isEmpty());
    f.app->window()->resize(1100, 800);
    f.app->window()->show();
}

void tst_app_attachments::filesAndPastedImageArrive()
{
    // Picked (as the "+" button's dialog gives them) and pasted: three cards above the text.
    f.composer()->addFiles({m_photo, m_notes});
    QImage pasted(300, 200, QImage::Format_RGB32);
    pasted.fill(QColor(200, 40, 40));
    QApplication::clipboard()->setImage(pasted);
    f.composer()->setFocus();
    f.composer()->paste();
    AttachmentTray *tray = f.app->window()->chat()->attachmentTray();
    QTRY_COMPARE(tray->cardCount(), 3);
    QVERIFY(tray->isVisible());
    QCOMPARE(f.composer()->files().at(2).filename, u"image.png"_s);

    f.type(u"holiday pictures"_s); // Enter sends text and files as one message
    QCOMPARE(tray->cardCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(attachmentsOf(f.messages(), u"holiday pictures"_s, int(M::Status::Sent)).size(), 3, 15000);
    const QList<Attachment> mine = attachmentsOf(f.messages(), u"holiday pictures"_s);
    QCOMPARE(mine[0].filename, u"photo.png"_s);
    QCOMPARE(mine[0].width, 640);
    QCOMPARE(mine[0].height, 480);
    QCOMPARE(mine[1].filename, u"notes.bin"_s);
    QCOMPARE(mine[1].size, qint64(3000));
    QCOMPARE(mine[1].width, -1);
    QCOMPARE(mine[2].filename, u"image.png"_s);
    QCOMPARE(mine[2].contentType, u"image/png"_s);
    QCOMPARE(mine[2].width, 300);
    QCOMPARE(mine[2].height, 200);
    // The friend's client has the same message with the same files.
    QTRY_COMPARE(attachmentsOf(m_friendState->messages(), u"holiday pictures"_s).size(), 3);
    QCOMPARE(attachmentsOf(m_friendState->messages(), u"holiday pictures"_s), mine);
    // The outbox kept nothing: its copies are gone once sent.
    QTRY_VERIFY(f.app->outbox()->isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(QDir(f.app->outbox()->filesDir()).entryList(QDir::Files).isEmpty(), kDiskMs);

    // Only files, no text: a message of its own.
    f.composer()->addFiles({m_notes});
    QTest::keyClick(f.composer(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(attachmentsOf(f.messages(), QString(), int(M::Status::Sent)).size(), 1, 15000);
}

void tst_app_attachments::thumbnailFillsItsRow()
{
    const int row = f.rowOfText(u"holiday pictures"_s);
    QVERIFY(row >= 0);
    const QModelIndex ix = f.messages()->index(row);
    f.view()->scrollTo(ix, QAbstractItemView::PositionAtTop);
    const QList<Attachment> list = ix.data(M::AttachmentsRole).value<QList<Attachment>>();
    AttachmentCache *cache = f.state()->attachments();
    // Painting the visible row asks for its thumbnails; they arrive and are kept.
    QTRY_VERIFY_WITH_TIMEOUT(cache->hasThumbnail(list[0].id) && cache->hasThumbnail(list[2].id), 10000);
    QVERIFY(!cache->hasThumbnail(list[1].id)); // not an image: no thumbnail asked for
    QVERIFY(cache->usedBytes() > 0);

    // The row was the image's height before the bytes came, and still is.
    const QRect rect = f.view()->visualRect(ix);
    const auto boxes = f.view()->messageDelegate()->attachmentBoxes(rect, ix);
    QCOMPARE(boxes.size(), 3);
    QVERIFY(boxes[0].image);
    QCOMPARE(boxes[0].rect.size(), QSize(400, 300)); // 640x480 fitted in 400x300
    QCOMPARE(boxes[2].rect.size(), QSize(300, 200)); // small enough: its own size
    QVERIFY(!boxes[1].image);
    QVERIFY(!boxes[1].save.isEmpty());
    QVERIFY(rect.height() >= 300 + 200 + 60);
    QVERIFY(rect.contains(boxes[2].rect));
    QCOMPARE(f.view()->sizeHintForIndex(ix).height(), rect.height());

    // What is drawn there is the picture.
    const QImage shot = f.view()->viewport()->grab().toImage();
    const QPoint c = boxes[0].rect.center();
    QVERIFY(c.y() < shot.height());
    const QColor seen = shot.pixelColor(c);
    QVERIFY2(qAbs(seen.green() - 160) < 20 && seen.red() < 50, qPrintable(seen.name()));
}

void tst_app_attachments::imageOpensInViewer()
{
    const QModelIndex ix = f.messages()->index(f.rowOfText(u"holiday pictures"_s));
    f.view()->scrollTo(ix, QAbstractItemView::PositionAtTop);
    const auto boxes = f.view()->messageDelegate()->attachmentBoxes(f.view()->visualRect(ix), ix);
    QTest::mouseClick(f.view()->viewport(), Qt::LeftButton, {}, boxes[0].rect.center());
    ImageViewer *viewer = nullptr;
    QTRY_VERIFY((viewer = f.app->window()->findChild<ImageViewer *>()));
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(), 10000);
    QCOMPARE(viewer->imageSize(), QSize(640, 480));
    const QPointer<ImageViewer> guard(viewer);
    QTest::keyClick(viewer, Qt::Key_Escape);
    QTRY_VERIFY(!guard);
}

void tst_app_attachments::tooLargeIsRefused()
{
    // One byte over the host's limit (from hello): refused at once, nothing uploaded.
    const qint64 limit = f.state()->attachmentLimit();
    QCOMPARE(limit, qint64(25 * 1024 * 1024));
    const QString big = QDir(m_dir.path()).filePath(u"files/huge.iso"_s);
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(limit + 1)); // sparse: no 25 MB written
    file.close();
    QSignalSpy refused(f.composer(), &Composer::fileRefused);
    f.composer()->addFiles({big});
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), u"huge.iso"_s);
    QVERIFY(f.composer()->files().isEmpty());
    QCOMPARE(f.app->window()->chat()->attachmentTray()->cardCount(), 0);
    auto *error = f.app->window()->chat()->findChild<QLabel *>(u"ErrorBanner"_s);
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(u"huge.iso"_s), qPrintable(error->text()));
    QVERIFY(f.app->outbox()->isEmpty());
}

void tst_app_attachments::offlineSendUploadsAfterReconnect()
{
    EmbeddedServer *server = f.app->server();
    const quint16 port = server->port();
    server->stop();
    QTRY_COMPARE(f.app->connection()->state(), Connection::State::Reconnecting);
    f.composer()->addFiles({m_notes});
    f.type(u"written on the train"_s);
    // Pending, with its file, and its copy kept by the outbox.
    QCOMPARE(attachmentsOf(f.messages(), u"written on the train"_s, int(M::Status::Pending)).size(), 1);
    QCOMPARE(attachmentsOf(f.messages(), u"written on the train"_s).at(0).filename, u"notes.bin"_s);
    QTRY_COMPARE_WITH_TIMEOUT(QDir(f.app->outbox()->filesDir()).entryList(QDir::Files).size(), 1, kDiskMs);

    QSignalSpy started(server, &EmbeddedServer::started);
    server->start(QDir(m_dir.path()).filePath(u"app/server"_s), port);
    QTRY_COMPARE(started.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(attachmentsOf(f.messages(), u"written on the train"_s, int(M::Status::Sent)).size(), 1, 20000);
    QCOMPARE(attachmentsOf(f.messages(), u"written on the train"_s).at(0).size, qint64(3000));
    QTRY_VERIFY(f.app->outbox()->isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_friendConn->state(), Connection::State::Online, 10000);
}

void tst_app_attachments::savingWritesIdenticalBytes()
{
    const Attachment notes = attachmentsOf(f.messages(), u"holiday pictures"_s).at(1);
    QVERIFY(notes.id);
    const QString target = QDir(m_dir.path()).filePath(u"saved/notes copy.bin"_s);
    QDir().mkpath(QFileInfo(target).absolutePath());
    QSignalSpy saved(f.state()->attachments(), &AttachmentCache::saved);
    f.app->window()->chat()->saveAttachment(notes, target);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
    QVERIFY2(saved.at(0).at(2).toBool(), qPrintable(saved.at(0).at(3).toString()));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), m_notesBytes);
    QVERIFY(f.app->window()->chat()->infoText().contains(u"notes copy.bin"_s));
}

void tst_app_attachments::cancelRemovesPendingUpload()
{
    // Offline, a send with a file waits; cancelling it (remove) drops it and its copy.
    EmbeddedServer *server = f.app->server();
    const quint16 port = server->port();
    server->stop();
    QTRY_COMPARE(f.app->connection()->state(), Connection::State::Reconnecting);
    f.composer()->addFiles({m_photo});
    f.type(u"never mind"_s);
    QTRY_COMPARE(f.app->outbox()->entries().size(), 1);
    const QString nonce = f.app->outbox()->entries().first().nonce;
    f.state()->discardSend(nonce);
    QVERIFY(f.app->outbox()->isEmpty());
    QCOMPARE(f.count(u"never mind"_s), 0);
    QTRY_VERIFY_WITH_TIMEOUT(QDir(f.app->outbox()->filesDir()).entryList(QDir::Files).isEmpty(), kDiskMs);
    QSignalSpy started(server, &EmbeddedServer::started);
    server->start(QDir(m_dir.path()).filePath(u"app/server"_s), port);
    QTRY_COMPARE(started.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(f.app->connection()->state(), Connection::State::Online, 10000);
    QVERIFY(f.roundTrip());
    QCOMPARE(f.count(u"never mind"_s), 0);
}

void tst_app_attachments::refusedUploadFailsVisibly()
{
    // The host refuses the upload (400: a backslash in the name): the message shows failed
    // with the host's reason, nothing is sent, and it can be removed.
    f.state()->sendMessage(u"badly named"_s, 0, {OutgoingFile{u"bad\\name.txt"_s, {}, "hello", {}}});
    QTRY_COMPARE_WITH_TIMEOUT(f.count(u"badly named"_s, int(M::Status::Failed)), 1, 10000);
    const QModelIndex ix = f.messages()->index(f.rowOfText(u"badly named"_s));
    QVERIFY(!ix.data(M::ErrorRole).toString().isEmpty());
    QCOMPARE(f.app->outbox()->entries().size(), 1);
    QCOMPARE(f.app->outbox()->entries().first().status, OutboxEntry::Status::Failed);
    // Its row is taller by the failure line, drawn under the file card.
    QVERIFY(f.view()->visualRect(ix).height() > 60);
    f.state()->discardSend(f.app->outbox()->entries().first().nonce);
    QVERIFY(f.app->outbox()->isEmpty());
    QCOMPARE(f.count(u"badly named"_s), 0);
    QVERIFY(f.roundTrip());
    QCOMPARE(attachmentsOf(m_friendState->messages(), u"badly named"_s).size(), 0);
}

void tst_app_attachments::droppedFilesAreAttached()
{
    // Files dropped anywhere on the chat pane (here on the message list) become cards.
    ChatPane *chat = f.app->window()->chat();
    QVERIFY(chat->acceptDrops());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_notes), QUrl::fromLocalFile(m_photo)});
    const QPoint at = f.view()->mapTo(chat, f.view()->rect().center());
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(chat, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(chat, &drop);
    QCOMPARE(f.composer()->files().size(), 2);
    QCOMPARE(chat->attachmentTray()->cardCount(), 2);
    // A card's remove button takes its file back out.
    f.composer()->removeFile(0);
    QCOMPARE(chat->attachmentTray()->cardCount(), 1);
    QCOMPARE(f.composer()->files().first().filename, u"photo.png"_s);
    f.composer()->takeFiles();
    QCOMPARE(chat->attachmentTray()->cardCount(), 0);
}

void tst_app_attachments::pendingFileSurvivesRestart()
{
    // Sent offline, then the app quits: the next start uploads the file and sends the message.
    f.app->server()->stop();
    QTRY_COMPARE(f.app->connection()->state(), Connection::State::Reconnecting);
    f.composer()->addFiles({m_notes});
    f.type(u"kept across a restart"_s);
    QTRY_COMPARE_WITH_TIMEOUT(QDir(f.app->outbox()->filesDir()).entryList(QDir::Files).size(), 1, kDiskMs);
    QVERIFY(f.app->outbox()->flush());
    m_friendState.reset();
    m_friendConn.reset();
    f.stop();
    QVERIFY(f.start(QDir(m_dir.path()).filePath(u"app"_s), true));
    f.state()->selectChannel(m_general);
    QTRY_COMPARE_WITH_TIMEOUT(attachmentsOf(f.messages(), u"kept across a restart"_s, int(M::Status::Sent)).size(), 1, 20000);
    QCOMPARE(attachmentsOf(f.messages(), u"kept across a restart"_s).at(0).size, qint64(3000));
    QTRY_VERIFY(f.app->outbox()->isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(QDir(f.app->outbox()->filesDir()).entryList(QDir::Files).isEmpty(), kDiskMs);
}

void tst_app_attachments::cleanupTestCase()
{
    m_friendState.reset();
    m_friendConn.reset();
    f.stop();
}

QTEST_MAIN(tst_app_attachments)
#include "tst_app_attachments.moc"

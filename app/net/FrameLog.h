#pragma once
//! The protocol frames the app sent and received and its connections' state changes, newest
//! last, for people who want to see what is going on. One for the whole app; capped in memory;
//! secrets are masked as they are recorded, never stored in clear.

#include <QAbstractListModel>
#include <QString>

#include <deque>

namespace kith::app {

class FrameLog : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Direction { Sent, Received, Note };
    Q_ENUM(Direction)

    struct Entry {
        qint64 timeMs = 0;  //!< wall time, ms since the epoch
        Direction direction = Direction::Note;
        QString host;       //!< "127.0.0.1:7421"
        QByteArray utf8;    //!< the frame, secrets masked; or the note (half the memory of UTF-16)
        QString text() const { return QString::fromUtf8(utf8); }
    };

    enum Role {
        TimeRole = Qt::UserRole + 1, //!< qint64 ms since the epoch
        DirectionRole,               //!< int(Direction)
        HostRole,
        TextRole,
        LineRole,                    //!< the whole line, text not clipped (what Copy copies)
        SearchRole,                  //!< direction word, host and text: what a filter matches
        IndentedRole                 //!< the frame's JSON indented, to read whole; else the text
    };

    //! At most this many entries, and about this much text; the oldest go first.
    static constexpr int kMaxEntries = 2000;
    static constexpr qsizetype kMaxTextBytes = 2 * 1024 * 1024;
    //! One frame keeps at most this many characters (a big server's `ready` can be megabytes;
    //! it would push everything else out).
    static constexpr qsizetype kMaxEntryChars = 64 * 1024;

    explicit FrameLog(QObject *parent = nullptr);

    void record(Direction direction, const QString &host, const QString &text);
    void clear();
    const std::deque<Entry> &entries() const { return m_entries; }
    qsizetype textBytes() const { return m_bytes; }

    //! The frame with the values of `token`, `password`, `old_password` and `new_password`
    //! replaced by "•••".
    static QString mask(const QString &text);
    //! `HH:mm:ss.zzz  →  host  text` (→ sent, ← received, · a note); a sent frame's op goes
    //! before its text, since our encoder writes it last, where a long frame's line is cut.
    static QString line(const Entry &entry, qsizetype maxTextChars = -1);
    static QString arrow(Direction direction);
    //! The op a request frame names ("message.send"); empty if none.
    static QString opOf(const QString &frame);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    //! An entry joined the end (after any old ones made room).
    void added(const kith::app::FrameLog::Entry &entry);

private:
    static qsizetype bytesOf(const Entry &e) { return e.host.size() * qsizetype(sizeof(QChar)) + e.utf8.size(); }

    std::deque<Entry> m_entries;
    qsizetype m_bytes = 0;
};

} // namespace kith::app

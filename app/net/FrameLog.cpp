#include "FrameLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

namespace kith::app {

FrameLog::FrameLog(QObject *parent) : QAbstractListModel(parent) {}

QString FrameLog::mask(const QString &text)
{
    // Most frames carry no secret: a plain search is far cheaper than the expression.
    if (!text.contains(QLatin1String("token\"")) && !text.contains(QLatin1String("password\"")))
        return text;
    // Frames are compact JSON from our own encoder; a string value is quotes around anything
    // but an unescaped quote.
    static const QRegularExpression secret(
        QStringLiteral(R"re("(token|password|old_password|new_password)"(\s*):(\s*)"(?:[^"\\]|\\.)*")re"));
    QString out = text;
    out.replace(secret, QStringLiteral("\"\\1\"\\2:\\3\"•••\""));
    return out;
}

void FrameLog::record(Direction direction, const QString &host, const QString &text)
{
    QString masked = mask(text);
    if (masked.size() > kMaxEntryChars) {
        const qsizetype cut = masked.size() - kMaxEntryChars;
        masked.truncate(kMaxEntryChars);
        masked += tr("… (%1 more characters)").arg(cut);
    }
    Entry e{QDateTime::currentMSecsSinceEpoch(), direction, host, masked.toUtf8()};
    const qsizetype bytes = bytesOf(e);
    // Oldest first out, in one go, so a view hears one removal rather than many.
    qsizetype drop = 0;
    qsizetype freed = 0;
    const qsizetype n = qsizetype(m_entries.size());
    while (drop < n && (n - drop + 1 > kMaxEntries || m_bytes - freed + bytes > kMaxTextBytes)) {
        freed += bytesOf(m_entries[size_t(drop)]);
        ++drop;
    }
    if (drop > 0) {
        beginRemoveRows({}, 0, int(drop - 1));
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        m_bytes -= freed;
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(e));
    m_bytes += bytes;
    endInsertRows();
    emit added(m_entries.back());
}

void FrameLog::clear()
{
    beginResetModel();
    m_entries.clear();
    m_bytes = 0;
    endResetModel();
}

QString FrameLog::arrow(Direction direction)
{
    switch (direction) {
    case Direction::Sent:
        return QStringLiteral("→");
    case Direction::Received:
        return QStringLiteral("←");
    case Direction::Note:
        break;
    }
    return QStringLiteral("·");
}

QString FrameLog::line(const Entry &entry, qsizetype maxTextChars)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(entry.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString whole = entry.text();
    const QString text = maxTextChars >= 0 && whole.size() > maxTextChars
        ? whole.left(maxTextChars) + QStringLiteral("…")
        : whole;
    QString out = time + QStringLiteral("  ") + arrow(entry.direction) + QStringLiteral("  ") + entry.host
        + QStringLiteral("  ");
    if (entry.direction == Direction::Sent)
        if (const QString op = opOf(whole); !op.isEmpty())
            out += op + QStringLiteral("  ");
    return out + text;
}

QString FrameLog::opOf(const QString &frame)
{
    // Keys are sorted, so the request's own "op" is the last one; inside a string value the
    // quotes would be escaped and not match.
    const QLatin1String key("\"op\":\"");
    const qsizetype at = frame.lastIndexOf(key);
    if (at < 0)
        return {};
    const qsizetype start = at + key.size();
    const qsizetype end = frame.indexOf(QLatin1Char('"'), start);
    return end > start && end - start <= 64 ? frame.mid(start, end - start) : QString();
}

int FrameLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant FrameLog::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        // A row shows one line; painting 64 K characters per row would only be clipped anyway.
        return line(e, 1000);
    case TimeRole:
        return e.timeMs;
    case DirectionRole:
        return int(e.direction);
    case HostRole:
        return e.host;
    case TextRole:
        return e.text();
    case LineRole:
        return line(e);
    case SearchRole: {
        const QString word = e.direction == Direction::Sent       ? tr("sent")
                             : e.direction == Direction::Received ? tr("received")
                                                                  : tr("connection");
        return word + QLatin1Char(' ') + arrow(e.direction) + QLatin1Char(' ') + e.host + QLatin1Char(' ') + e.text();
    }
    case IndentedRole: {
        const QJsonDocument json = QJsonDocument::fromJson(e.utf8);
        return json.isNull() ? e.text() : QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> FrameLog::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(DirectionRole, "direction");
    names.insert(HostRole, "host");
    names.insert(TextRole, "text");
    names.insert(LineRole, "line");
    names.insert(SearchRole, "search");
    names.insert(IndentedRole, "indented");
    return names;
}

} // namespace kith::app

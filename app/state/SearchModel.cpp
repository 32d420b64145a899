#include "SearchModel.h"

#include "net/Connection.h"
#include "shared/Protocol.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace kith::app {

namespace {
// A word as the host splits them (PROTOCOL.md 7.18a): letters, digits and combining marks.
const QRegularExpression &wordRe()
{
    static const QRegularExpression re(QStringLiteral("[\\p{L}\\p{N}\\p{M}]+"));
    return re;
}
} // namespace

SearchText SearchText::parse(const QString &text)
{
    SearchText out;
    QStringList words;
    bool quoted = false;
    // Filters only outside quotes: "from:ann" between quotes is words to find.
    for (const QString &token : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const auto filter = [&](QLatin1String key, QString *into) {
            if (quoted || !token.startsWith(key, Qt::CaseInsensitive) || token.size() == key.size())
                return false;
            *into = token.mid(key.size());
            return true;
        };
        if (filter(QLatin1String("from:"), &out.from) || filter(QLatin1String("has:"), &out.has))
            continue;
        if (filter(QLatin1String("in:"), &out.in)) {
            if (out.in.startsWith(QLatin1Char('#')))
                out.in.remove(0, 1);
            continue;
        }
        if (token.count(QLatin1Char('"')) % 2)
            quoted = !quoted;
        words.append(token);
    }
    if (out.from.startsWith(QLatin1Char('@')))
        out.from.remove(0, 1);
    out.words = words.join(QLatin1Char(' '));
    return out;
}

SearchModel::SearchModel(Connection *connection, QObject *parent)
    : QAbstractListModel(parent), m_connection(connection)
{
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Message &m = m_rows.at(index.row());
    switch (role) {
    case MessageRole:
        return QVariant::fromValue(m);
    case IdRole:
        return QVariant::fromValue(quint64(m.id));
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return m.author.displayName + QLatin1String(": ") + m.content;
    default:
        return {};
    }
}

bool SearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && !m_rows.isEmpty();
}

void SearchModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_rows.constLast().id);
}

void SearchModel::search(const SearchQuery &query)
{
    beginResetModel();
    m_rows.clear();
    m_query = query;
    m_terms = termsOf(query.query);
    m_total = -1;
    m_atEnd = false;
    endResetModel();
    request(0);
}

void SearchModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_terms.clear();
    m_total = -1;
    m_atEnd = true;
    m_loading = false;
    m_failed = false;
    ++m_generation; // a reply on its way is for nobody now
    endResetModel();
    emit statusChanged();
}

void SearchModel::request(Id before)
{
    QJsonObject d{{QLatin1String("query"), m_query.query}, {QLatin1String("limit"), kPageSize}};
    const auto put = [&d](QLatin1String key, Id id) {
        if (id)
            d.insert(key, QString::number(id));
    };
    put(QLatin1String("guild_id"), m_query.guildId);
    put(QLatin1String("channel_id"), m_query.channelId);
    put(QLatin1String("author_id"), m_query.authorId);
    put(QLatin1String("before"), before);
    if (!m_query.has.isEmpty())
        d.insert(QLatin1String("has"), m_query.has);
    m_loading = true;
    m_failed = false;
    const quint64 generation = ++m_generation;
    emit statusChanged();
    m_connection->request(op::MessageSearch, d, this, [this, generation](const Reply &r) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!r.ok) {
            m_failed = true;
            m_error = r.error;
            m_atEnd = true;
            emit statusChanged();
            return;
        }
        const QJsonArray page = r.d.value(QLatin1String("messages")).toArray();
        m_total = r.d.value(QLatin1String("total")).toInt();
        m_atEnd = page.size() < kPageSize;
        if (!page.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
            for (const QJsonValue &v : page)
                m_rows.append(Message::fromJson(v.toObject()));
            endInsertRows();
        }
        emit statusChanged();
    });
}

QString SearchModel::fold(const QString &word)
{
    const QString decomposed = word.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_SpacingCombining
            && c.category() != QChar::Mark_Enclosing)
            out.append(c.toLower());
    return out;
}

QStringList SearchModel::termsOf(const QString &query)
{
    QStringList out;
    auto it = wordRe().globalMatch(query);
    while (it.hasNext()) {
        const QString w = fold(it.next().captured());
        if (!w.isEmpty() && !out.contains(w))
            out.append(w);
    }
    return out;
}

QList<QPair<int, int>> SearchModel::matches(const QString &content, const QStringList &terms)
{
    QList<QPair<int, int>> out;
    if (terms.isEmpty())
        return out;
    auto it = wordRe().globalMatch(content);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString w = fold(m.captured());
        for (const QString &t : terms) {
            if (w.startsWith(t)) {
                out.append({int(m.capturedStart()), int(m.capturedLength())});
                break;
            }
        }
    }
    return out;
}

} // namespace kith::app

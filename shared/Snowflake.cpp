#include "Snowflake.h"

#include <QTimeZone>

namespace kith {

namespace snowflake {

qint64 timestampMs(Id id)
{
    return qint64(id >> (kNodeBits + kSeqBits)) + kEpochMs;
}

QDateTime timestamp(Id id)
{
    return QDateTime::fromMSecsSinceEpoch(timestampMs(id), QTimeZone::utc());
}

int node(Id id)
{
    return int((id >> kSeqBits) & kMaxNode);
}

Id fromTimestampMs(qint64 unixMs)
{
    const qint64 rel = qMax<qint64>(0, unixMs - kEpochMs);
    return Id(rel) << (kNodeBits + kSeqBits);
}

QString toString(Id id)
{
    return QString::number(id);
}

bool parse(const QString &text, Id *out)
{
    if (text.isEmpty() || text.size() > 20)
        return false;
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    bool ok = false;
    const Id v = text.toULongLong(&ok);
    if (!ok || v == 0)
        return false;
    *out = v;
    return true;
}

} // namespace snowflake

SnowflakeGenerator::SnowflakeGenerator(int node)
    : m_node(node & snowflake::kMaxNode)
{
}

Id SnowflakeGenerator::next()
{
    qint64 now = QDateTime::currentMSecsSinceEpoch() - snowflake::kEpochMs;
    // A clock that steps back must not produce ids below ones already handed out.
    if (now < m_lastMs)
        now = m_lastMs;
    if (now == m_lastMs) {
        if (++m_seq > (1 << snowflake::kSeqBits) - 1) {
            // 4096 ids in one ms on this node: borrow the next millisecond.
            ++now;
            m_seq = 0;
        }
    } else {
        m_seq = 0;
    }
    m_lastMs = now;
    return (Id(now) << (snowflake::kNodeBits + snowflake::kSeqBits))
           | (Id(m_node) << snowflake::kSeqBits) | Id(m_seq);
}

} // namespace kith

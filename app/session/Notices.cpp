#include "Notices.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotices, "kith.app")

namespace kith::app {

void Notices::show(const QString &key, Text text)
{
    const QString now = text();
    qCWarning(lcNotices) << now;
    if (now.isEmpty())
        m_texts.remove(key);
    else
        m_texts.insert(key, std::move(text));
    emit shown(key, now);
}

void Notices::replay()
{
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
        emit shown(it.key(), it.value()());
}

} // namespace kith::app

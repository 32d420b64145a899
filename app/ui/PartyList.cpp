#include "PartyList.h"

#include "Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kith::app {

PartyList::PartyList(LanBrowser *browser, QWidget *parent)
    : QWidget(parent), m_browser(browser), m_list(new QListWidget(this)), m_empty(new QLabel(this)),
      m_join(new QPushButton(tr("Join party"), this))
{
    setObjectName(QStringLiteral("PartyList"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Parties on your network"), this);
    heading->setProperty("section", true);
    layout->addWidget(heading);
    m_list->setObjectName(QStringLiteral("PartyListView"));
    m_list->setAccessibleName(tr("Parties on your network"));
    m_list->setIconSize(QSize(16, 16));
    m_list->setUniformItemSizes(true);
    m_list->setMinimumHeight(96);
    layout->addWidget(m_list);
    m_empty->setObjectName(QStringLiteral("PartyListEmpty"));
    m_empty->setProperty("muted", true);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);
    auto *row = new QHBoxLayout;
    row->addStretch();
    m_join->setEnabled(false);
    row->addWidget(m_join);
    layout->addLayout(row);

    connect(m_browser, &LanBrowser::partiesChanged, this, &PartyList::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int r) { m_join->setEnabled(r >= 0); });
    connect(m_list, &QListWidget::itemActivated, this, &PartyList::chooseCurrent);
    connect(m_join, &QPushButton::clicked, this, &PartyList::chooseCurrent);
    refresh();
}

PartyList::~PartyList()
{
    if (m_listening)
        m_browser->stop();
}

void PartyList::setOwnFingerprint(const QString &fingerprint)
{
    m_own = fingerprint;
    refresh();
}

int PartyList::count() const
{
    return int(m_shown.size());
}

void PartyList::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_listening) {
        m_listening = true;
        m_browser->start();
        refresh();
    }
}

void PartyList::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_listening) {
        m_listening = false;
        m_browser->stop();
    }
}

void PartyList::refresh()
{
    const QString current = m_list->currentRow() >= 0 && m_list->currentRow() < m_shown.size()
        ? m_shown.at(m_list->currentRow()).url.toString() : QString();
    m_shown.clear();
    for (const LanBrowser::Party &p : m_browser->parties())
        if (m_own.isEmpty() || p.fingerprint != m_own)
            m_shown.append(p);
    m_list->clear();
    const QIcon lock = icons::make(icons::Kind::Lock, palette().color(QPalette::PlaceholderText), 16);
    for (const LanBrowser::Party &p : std::as_const(m_shown)) {
        const QString where = p.url.port() > 0 ? QStringLiteral("%1:%2").arg(p.url.host()).arg(p.url.port()) : p.url.host();
        QString details = tr("%n here", nullptr, p.people) + QStringLiteral(" · ") + where;
        if (p.password)
            details += QStringLiteral(" · ") + tr("password");
        auto *item = new QListWidgetItem(p.name + QLatin1Char('\n') + details, m_list);
        item->setToolTip(p.fingerprint.isEmpty() ? tr("Not encrypted") : tr("Certificate SHA-256 %1").arg(p.fingerprint));
        item->setData(Qt::AccessibleTextRole, tr("%1, %2").arg(p.name, details));
        if (p.password)
            item->setIcon(lock);
        if (p.url.toString() == current)
            m_list->setCurrentItem(item);
    }
    if (!m_browser->error().isEmpty())
        m_empty->setText(m_browser->error());
    else if (m_shown.isEmpty())
        m_empty->setText(tr("Looking for parties… none heard yet. If the host is on another network, ask for "
                            "the address or an invite link."));
    m_empty->setVisible(m_shown.isEmpty() || !m_browser->error().isEmpty());
    m_list->setVisible(!m_shown.isEmpty());
    m_join->setVisible(!m_shown.isEmpty());
    m_join->setEnabled(m_list->currentRow() >= 0);
}

void PartyList::chooseCurrent()
{
    const int r = m_list->currentRow();
    if (r < 0 || r >= m_shown.size())
        return;
    // A copy: whoever hears this may close the dialog, which stops listening and empties the list.
    const LanBrowser::Party party = m_shown.at(r);
    emit partyChosen(party);
}

} // namespace kith::app

#include "ExploreDialog.h"

#include "Icons.h"
#include "Theme.h"
#include "state/ClientState.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kIconSize = 48;
} // namespace

ExploreDialog::ExploreDialog(ClientState *state, const Theme *theme, QWidget *parent)
    : QDialog(parent)
    , m_state(state)
    , m_theme(theme)
    , m_query(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_empty(new QLabel(this))
    , m_status(new QLabel(this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("Explore"));
    setWindowTitle(tr("Explore servers"));
    setMinimumSize(560, 480);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(24, 20, 24, 16);
    v->setSpacing(12);
    auto *heading = new QLabel(tr("Find a community"), this);
    heading->setProperty("heading", true);
    v->addWidget(heading);
    auto *intro =
        new QLabel(tr("Servers on this host that chose to be listed. Join one without an invite."), this);
    intro->setProperty("muted", true);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_query->setObjectName(QStringLiteral("ExploreSearch"));
    m_query->setPlaceholderText(tr("Search by name or description"));
    m_query->setAccessibleName(tr("Search servers"));
    m_query->setClearButtonEnabled(true);
    m_query->addAction(icons::make(icons::Kind::Search, theme->color(QStringLiteral("textMuted")), 16),
                       QLineEdit::LeadingPosition);
    v->addWidget(m_query);
    m_results->setObjectName(QStringLiteral("ExploreResults"));
    m_results->setAccessibleName(tr("Servers found"));
    m_results->setSelectionMode(QAbstractItemView::NoSelection);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_results->setFrameShape(QFrame::NoFrame);
    v->addWidget(m_results, 1);
    m_empty->setObjectName(QStringLiteral("ExploreEmpty"));
    m_empty->setProperty("muted", true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    v->addWidget(m_empty, 1);
    m_status->setObjectName(QStringLiteral("ExploreStatus"));
    m_status->setProperty("error", true);
    m_status->setWordWrap(true);
    m_status->hide();
    v->addWidget(m_status);
    auto *close = new QPushButton(tr("Close"), this);
    close->setAutoDefault(false); // Enter in the search field searches, it does not close
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(close);
    v->addLayout(row);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    // Ask when typing pauses, not on every key.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, &ExploreDialog::search);
    connect(m_query, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, this, &ExploreDialog::search);
    // A guild icon arriving repaints the rows.
    connect(state->attachments(), &AttachmentCache::avatarReady, this,
            [this] { m_results->viewport()->update(); });
    search();
}

void ExploreDialog::search()
{
    m_typing->stop();
    const int asked = ++m_asked;
    m_state->admin()->searchDirectory(
        m_query->text(), this,
        [this, asked](bool ok, const QString &error, QList<GuildAdmin::Listed> guilds) {
            if (asked != m_asked)
                return; // a newer search is under way
            m_status->setText(ok ? QString() : tr("The search failed: %1").arg(error));
            m_status->setVisible(!ok);
            showResults(guilds);
        });
}

QList<Id> ExploreDialog::shownGuilds() const
{
    return m_shown;
}

void ExploreDialog::showResults(const QList<GuildAdmin::Listed> &guilds)
{
    m_results->clear();
    m_shown.clear();
    for (const GuildAdmin::Listed &g : guilds) {
        auto *item = new QListWidgetItem(m_results);
        QWidget *row = makeRow(g);
        item->setSizeHint(row->sizeHint());
        m_results->setItemWidget(item, row);
        m_shown.append(g.id);
    }
    const QString q = m_query->text().trimmed();
    m_empty->setText(q.isEmpty() ? tr("No servers are listed on this host yet.")
                                 : tr("No servers match “%1”. Try other words.").arg(q));
    m_empty->setVisible(guilds.isEmpty());
    m_results->setVisible(!guilds.isEmpty());
    emit resultsShown();
}

//! A picture for a listed guild: its icon when there is one and it has arrived, else initials.
class ListedIcon : public QWidget
{
public:
    ListedIcon(const GuildAdmin::Listed &g, ClientState *state, const Theme *theme, QWidget *parent)
        : QWidget(parent)
        , m_id(g.id)
        , m_name(g.name)
        , m_path(g.icon)
        , m_state(state)
        , m_theme(theme)
    {
        setFixedSize(kIconSize, kIconSize);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        icons::paintAvatar(&p, QRectF(rect()), m_id, m_name, *m_theme,
                           m_state->attachments()->avatar(m_path));
    }

private:
    Id m_id;
    QString m_name, m_path;
    ClientState *m_state;
    const Theme *m_theme;
};

QWidget *ExploreDialog::makeRow(const GuildAdmin::Listed &g)
{
    auto *row = new QWidget;
    row->setObjectName(QStringLiteral("ExploreRow"));
    row->setProperty("guildId", QVariant::fromValue<quint64>(g.id));
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(8, 10, 8, 10);
    h->setSpacing(12);
    h->addWidget(new ListedIcon(g, m_state, m_theme, row), 0, Qt::AlignTop);
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    auto *name = new QLabel(g.name, row);
    name->setObjectName(QStringLiteral("ExploreName"));
    QFont bold = name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    name->setFont(bold);
    text->addWidget(name);
    if (!g.description.isEmpty()) {
        auto *description = new QLabel(g.description, row);
        description->setWordWrap(true);
        text->addWidget(description);
    }
    // Whole phrases for translators rather than %n plurals, which need a translation loaded.
    const QString members = g.memberCount == 1 ? tr("1 member") : tr("%1 members").arg(g.memberCount);
    auto *counts = new QLabel(tr("%1 online · %2").arg(g.onlineCount).arg(members), row);
    counts->setObjectName(QStringLiteral("ExploreCounts"));
    counts->setProperty("muted", true);
    text->addWidget(counts);
    h->addLayout(text, 1);
    const bool member = m_state->guild(g.id).id != 0;
    auto *button = new QPushButton(member ? tr("Open") : tr("Join"), row);
    button->setAutoDefault(false);
    button->setObjectName(QStringLiteral("ExploreJoin"));
    button->setAccessibleName(member ? tr("Open %1").arg(g.name) : tr("Join %1").arg(g.name));
    button->setProperty("primary", !member);
    h->addWidget(button, 0, Qt::AlignVCenter);
    connect(button, &QPushButton::clicked, this, [this, id = g.id, member, row] {
        if (member) {
            m_state->selectGuild(id);
            accept();
        } else {
            join(id, row);
        }
    });
    return row;
}

void ExploreDialog::join(Id guildId, QWidget *row)
{
    auto *button = row->findChild<QPushButton *>(QStringLiteral("ExploreJoin"));
    button->setEnabled(false);
    button->setText(tr("Joining…"));
    QPointer<QPushButton> guard = button;
    m_state->joinListedGuild(guildId, this, [this, guard](bool ok, const Error &error) {
        if (ok) {
            accept(); // the guild is in the rail and open
            return;
        }
        if (guard) {
            guard->setEnabled(true);
            guard->setText(tr("Join"));
        }
        m_status->setText(tr("Could not join: %1").arg(error.message));
        m_status->show();
    });
}

} // namespace kith::app

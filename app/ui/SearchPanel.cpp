#include "SearchPanel.h"

#include "Icons.h"
#include "LaidOutView.h"
#include "MessageDelegate.h"
#include "Theme.h"
#include "state/ClientState.h"
#include "state/SearchModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kPad = 12;      // inside a result's card
constexpr int kAvatar = 32;
constexpr int kGap = 8;       // between cards
constexpr int kMaxLines = 8;  // a long message is cut; the channel shows the rest

// The message's text laid out in `width`, the matches in bold on a tint.
struct Laid {
    QTextLayout layout;
    qreal height = 0;
};

void layOut(Laid &laid, const QString &text, const QFont &font, qreal width,
            const QList<QPair<int, int>> &matches, const QColor &tint)
{
    laid.layout.setText(text);
    laid.layout.setFont(font);
    QList<QTextLayout::FormatRange> formats;
    for (const auto &[start, length] : matches) {
        QTextLayout::FormatRange f;
        f.start = start;
        f.length = length;
        f.format.setFontWeight(QFont::Bold);
        f.format.setBackground(tint);
        formats.append(f);
    }
    laid.layout.setFormats(formats);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    laid.layout.setTextOption(option);
    laid.layout.beginLayout();
    qreal y = 0;
    for (int n = 0; n < kMaxLines; ++n) {
        QTextLine line = laid.layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    laid.layout.endLayout();
    laid.height = y;
}

QString shownText(const Message &m)
{
    if (!m.content.isEmpty())
        return m.content;
    QStringList names;
    for (const Attachment &a : m.attachments)
        names.append(a.filename);
    return names.join(QLatin1String(", "));
}

QColor tintOf(const Theme &theme)
{
    QColor c = theme.color(QStringLiteral("warning"));
    c.setAlphaF(0.28f);
    return c;
}
} // namespace

SearchResultDelegate::SearchResultDelegate(const Theme *theme, AttachmentCache *avatars,
                                           std::function<QString(const Message &)> where, QObject *parent)
    : QStyledItemDelegate(parent), m_theme(theme), m_avatars(avatars), m_where(std::move(where))
{
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Message m = index.data(SearchModel::MessageRole).value<Message>();
    const QFontMetrics fm(option.font);
    const qreal textWidth = option.rect.width() - 2 * kPad - kAvatar - kGap - 2 * kGap;
    Laid laid;
    layOut(laid, shownText(m), option.font, qMax<qreal>(40, textWidth), {}, {});
    const int small = QFontMetrics(option.font).height();
    const int body = small + 2 + int(std::ceil(laid.height));
    return {option.rect.width(), kGap + small + 6 + qMax(kAvatar, body) + 2 * kPad - 6};
}

void SearchResultDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Message m = index.data(SearchModel::MessageRole).value<Message>();
    const auto *model = qobject_cast<const SearchModel *>(index.model());
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QRectF card = QRectF(option.rect).adjusted(kGap, kGap, -kGap, 0);
    QFont smallFont = option.font;
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.85);
    const int line = QFontMetrics(option.font).height();

    // Where: "# general" above the card.
    p->setFont(smallFont);
    p->setPen(m_theme->color(QStringLiteral("textMuted")));
    const QString where = m_where ? m_where(m) : QString();
    p->drawText(QRectF(card.left() + 4, card.top(), card.width() - 8, line), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(smallFont).elidedText(where, Qt::ElideRight, int(card.width()) - 8));
    card.setTop(card.top() + line + 6);

    p->setPen(Qt::NoPen);
    p->setBrush(m_theme->color(option.state & QStyle::State_MouseOver ? QStringLiteral("hover") : QStringLiteral("chat")));
    p->drawRoundedRect(card, 6, 6);

    const QRectF avatar(card.left() + kPad, card.top() + kPad, kAvatar, kAvatar);
    const QString author = m.author.displayName.isEmpty() ? m.author.username : m.author.displayName;
    icons::paintAvatar(p, avatar, m.author.id, author, *m_theme,
                       m_avatars ? m_avatars->avatar(m.author.avatar) : QImage());

    const qreal x = avatar.right() + kGap + 4;
    const qreal width = card.right() - kPad - x;
    QFont bold = option.font;
    bold.setWeight(QFont::DemiBold);
    p->setFont(bold);
    p->setPen(m_theme->nameColor(m.author.id));
    const QFontMetrics bfm(bold);
    const QString name = bfm.elidedText(author, Qt::ElideRight, int(width * 0.6));
    p->drawText(QPointF(x, card.top() + kPad + bfm.ascent()), name);
    p->setFont(smallFont);
    p->setPen(m_theme->color(QStringLiteral("textFaint")));
    const QDateTime when = snowflake::timestamp(m.id).toLocalTime();
    const QString time = QLocale().toString(when.date(), QLocale::ShortFormat) + QLatin1Char(' ')
        + MessageDelegate::timeText(when.time());
    p->drawText(QPointF(x + bfm.horizontalAdvance(name) + 8, card.top() + kPad + bfm.ascent()), time);

    Laid laid;
    const bool files = m.content.isEmpty();
    QFont body = option.font;
    body.setItalic(files);
    layOut(laid, shownText(m), body, qMax<qreal>(40, width),
           model && !files ? SearchModel::matches(m.content, model->terms()) : QList<QPair<int, int>>{},
           tintOf(*m_theme));
    p->setPen(m_theme->color(files ? QStringLiteral("textMuted") : QStringLiteral("text")));
    laid.layout.draw(p, QPointF(x, card.top() + kPad + line + 2));
    p->restore();
}

SearchPanel::SearchPanel(ClientState *state, Connection *connection, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_state(state), m_model(new SearchModel(connection, this)), m_count(new QLabel(this)), m_middle(new QLabel(this)), m_list(new LaidOutView<QListView>(this)),
      m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("SearchPanel"));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("SearchHeader"));
    header->setAttribute(Qt::WA_StyledBackground);
    header->setFixedHeight(kHeaderHeight); // in line with the chat's header
    auto *hl = new QHBoxLayout(header);
    hl->setContentsMargins(16, 0, 8, 0);
    m_count->setObjectName(QStringLiteral("SearchCount"));
    hl->addWidget(m_count, 1);
    m_close->setAutoRaise(true);
    m_close->setObjectName(QStringLiteral("SearchClose"));
    followTheme(theme, m_close, [this, theme] {
        m_close->setIcon(icons::make(icons::Kind::Close, theme->color(QStringLiteral("textMuted")), 16));
    });
    connect(m_close, &QToolButton::clicked, this, &SearchPanel::closeRequested);
    hl->addWidget(m_close);
    layout->addWidget(header);

    m_list->setObjectName(QStringLiteral("SearchResults"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new SearchResultDelegate(theme, state->attachments(), [this](const Message &m) {
        const Channel c = m_state->channel(m.channelId);
        if (c.id && !c.isDm())
            return QStringLiteral("# ") + c.name;
        for (const Channel &dm : m_state->dms())
            if (dm.id == m.channelId)
                return QStringLiteral("@ ") + m_state->dmTitle(dm);
        return QString();
    }, m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setUniformItemSizes(false);
    m_list->setResizeMode(QListView::Adjust); // heights follow the panel's width
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        const Message &m = m_model->at(index.row());
        emit messageChosen(m.guildId, m.channelId, m.id);
    });
    layout->addWidget(m_list, 1);
    m_middle->setObjectName(QStringLiteral("SearchEmpty"));
    m_middle->setAlignment(Qt::AlignCenter);
    m_middle->setWordWrap(true);
    m_middle->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_middle, 1);

    connect(state->attachments(), &AttachmentCache::avatarReady, m_list->viewport(), qOverload<>(&QWidget::update));
    connect(m_model, &SearchModel::statusChanged, this, &SearchPanel::syncStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SearchPanel::syncStatus);
    syncStatus();
}

void SearchPanel::run(const QString &text)
{
    m_problem.clear();
    const SearchText parsed = SearchText::parse(text);
    SearchQuery q;
    q.query = parsed.words;
    const Id guildId = m_state->currentGuild();
    if (guildId)
        q.guildId = guildId;
    else if (m_state->currentChannel())
        q.channelId = m_state->currentChannel(); // a DM: search in it
    if (!parsed.from.isEmpty()) {
        for (const Member &member : m_state->members()->members()) {
            if (member.user.username.compare(parsed.from, Qt::CaseInsensitive) == 0
                || member.user.displayName.compare(parsed.from, Qt::CaseInsensitive) == 0) {
                q.authorId = member.user.id;
                break;
            }
        }
        if (!q.authorId)
            return showProblem(tr("Nobody here is called %1.").arg(parsed.from));
    }
    if (!parsed.in.isEmpty()) {
        for (const Channel &c : m_state->channelsOf(guildId))
            if (c.name.compare(parsed.in, Qt::CaseInsensitive) == 0)
                q.channelId = c.id;
        if (!guildId || q.channelId == 0)
            return showProblem(tr("There is no channel #%1 here.").arg(parsed.in));
    }
    if (!parsed.has.isEmpty()) {
        q.has = parsed.has.toLower();
        if (q.has != QLatin1String("attachment") && q.has != QLatin1String("image") && q.has != QLatin1String("link"))
            return showProblem(tr("Search for has:attachment, has:image or has:link."));
    }
    if (parsed.isBlank())
        return showProblem(tr("Type words to find, or a filter."));
    m_model->search(q);
    m_list->scrollToTop();
}

void SearchPanel::showProblem(const QString &text)
{
    m_model->clear();
    m_problem = text;
    syncStatus();
}

QString SearchPanel::statusText() const
{
    return m_count->text() + QLatin1Char('\n') + m_middle->text();
}

void SearchPanel::syncStatus()
{
    const int total = m_model->total();
    QString count = tr("Results");
    if (total >= 10000)
        count = tr("%1+ results").arg(QLocale().toString(10000));
    else if (total >= 0)
        count = tr("%n result(s)", nullptr, total);
    m_count->setText(count);
    QString middle;
    if (!m_problem.isEmpty())
        middle = m_problem;
    else if (m_model->failed())
        middle = tr("Search failed: %1").arg(m_model->error().message);
    else if (m_model->isLoading() && m_model->rowCount() == 0)
        middle = tr("Searching…");
    else if (total == 0)
        middle = tr("No results. Try fewer words, or other filters.");
    m_middle->setText(middle);
    m_middle->setVisible(!middle.isEmpty());
    m_list->setVisible(middle.isEmpty());
}

void SearchPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        syncStatus();
    QWidget::changeEvent(event);
}

} // namespace kith::app

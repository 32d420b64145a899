#include "ChatPane.h"

#include "AttachmentTray.h"
#include "Composer.h"
#include "DeleteMessageDialog.h"
#include "ElidedLabel.h"
#include "EmojiPicker.h"
#include "ImageViewer.h"
#include "Icons.h"
#include "MessageDelegate.h"
#include "MessageView.h"
#include "SearchField.h"
#include "Theme.h"
#include "state/ClientState.h"
#include "net/Outbox.h"

#include <QAction>
#include <QEvent>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QStandardPaths>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kith::app {

ChatPane::ChatPane(ClientState *state, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_state(state), m_name(new ElidedLabel(this)), m_topic(new ElidedLabel(this)),
      m_view(new MessageView(theme, this)), m_composer(new Composer(this)), m_hint(new QLabel(this)),
      m_typing(new QLabel(this)),
      m_notice(new QLabel(this)), m_error(new QLabel(this)), m_errorTimer(new QTimer(this)), m_theme(theme)
{
    setObjectName(QStringLiteral("ChatPane"));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("ChatHeader"));
    header->setAttribute(Qt::WA_StyledBackground);
    header->setFixedHeight(kHeaderHeight);
    auto *hl = new QHBoxLayout(header);
    hl->setContentsMargins(16, 0, 16, 0);
    hl->setSpacing(8);
    auto toggle = [&](icons::Kind kind, const char *name) {
        auto *b = new QToolButton(header);
        b->setObjectName(QLatin1String(name));
        followTheme(theme, b, [b, kind, theme] { b->setIcon(icons::make(kind, theme->color(QStringLiteral("textMuted")), 20)); });
        b->setIconSize({20, 20});
        b->setAutoRaise(true);
        b->setCheckable(true);
        b->hide();
        return b;
    };
    m_channelsToggle = toggle(icons::Kind::Menu, "ChannelsToggle");
    connect(m_channelsToggle, &QToolButton::clicked, this, &ChatPane::channelsToggled);
    hl->addWidget(m_channelsToggle);
    m_hash = new QLabel(header);
    m_hash->setObjectName(QStringLiteral("ChatHeaderMark"));
    followTheme(theme, m_hash, [this] { syncMark(); });
    hl->addWidget(m_hash);
    m_at = new QLabel(QStringLiteral("@"), header); // a DM's header: @name
    m_at->setObjectName(QStringLiteral("ChatHeaderAt"));
    m_at->hide();
    hl->addWidget(m_at);
    m_name->setObjectName(QStringLiteral("ChatHeaderName"));
    m_topic->setObjectName(QStringLiteral("ChatHeaderTopic"));
    m_topic->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hl->addWidget(m_name);
    hl->addSpacing(6);
    // The topic takes only the room left: it goes before the name or the search field shrink.
    m_topic->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    hl->addWidget(m_topic, 1);
    m_search = new SearchField(header);
    m_search->setFixedWidth(220);
    m_search->setSources(
        [this] {
            QStringList names;
            for (const Member &m : m_state->members()->members())
                names.append(m.user.username);
            return names;
        },
        [this] {
            QStringList names;
            for (const Channel &c : m_state->channelsOf(m_state->currentGuild()))
                names.append(c.name);
            return names;
        });
    QAction *lens = m_lens = m_search->addAction(QIcon(), QLineEdit::LeadingPosition);
    connect(lens, &QAction::triggered, m_search, [this] { emit m_search->searchRequested(m_search->text()); });
    followTheme(theme, lens, [lens, theme] {
        lens->setIcon(icons::make(icons::Kind::Search, theme->color(QStringLiteral("textFaint")), 16));
    });
    hl->addWidget(m_search);
    m_membersToggle = toggle(icons::Kind::People, "MembersToggle");
    connect(m_membersToggle, &QToolButton::clicked, this, &ChatPane::membersToggled);
    hl->addWidget(m_membersToggle);
    layout->addWidget(header);

    m_composer->setMentionSource(theme, [this](QChar kind, const QString &prefix) { return mentionCandidates(kind, prefix); });
    m_view->setMessageModel(state->messages());
    layout->addWidget(m_view, 1);

    m_notice->setObjectName(QStringLiteral("Banner"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::AutoText);
    connect(m_notice, &QLabel::linkActivated, this, &ChatPane::noticeLinkActivated);
    m_notice->hide();
    m_error->setObjectName(QStringLiteral("ErrorBanner"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_info = new QWidget(this);
    m_info->setObjectName(QStringLiteral("InfoBanner"));
    m_info->setAttribute(Qt::WA_StyledBackground);
    auto *il = new QHBoxLayout(m_info);
    il->setContentsMargins(12, 4, 6, 4);
    m_infoText = new QLabel(m_info);
    m_infoText->setWordWrap(true);
    connect(m_infoText, &QLabel::linkActivated, this, &ChatPane::noticeLinkActivated);
    il->addWidget(m_infoText, 1);
    auto *close = m_dismiss = new QToolButton(m_info);
    followTheme(theme, close, [close, theme] { close->setIcon(icons::make(icons::Kind::Close, theme->color(QStringLiteral("textMuted")), 14)); });
    connect(close, &QToolButton::clicked, this, [this] {
        m_infos.clear();
        m_info->hide();
    });
    il->addWidget(close, 0, Qt::AlignTop);
    m_info->hide();
    layout->addWidget(m_info);
    layout->addWidget(m_notice);
    layout->addWidget(m_error);
    m_errorTimer->setSingleShot(true);
    m_errorTimer->setInterval(8000);
    connect(m_errorTimer, &QTimer::timeout, m_error, &QWidget::hide);

    auto *bottom = new QWidget(this);
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(16, 4, 16, 4);
    bl->setSpacing(2);
    auto *frame = new QWidget(bottom);
    frame->setObjectName(QStringLiteral("ComposerFrame"));
    frame->setAttribute(Qt::WA_StyledBackground);
    auto *fl = new QHBoxLayout(frame);
    fl->setContentsMargins(6, 6, 6, 6);
    auto *attach = m_attach = new QToolButton(frame);
    attach->setObjectName(QStringLiteral("AttachButton"));
    followTheme(theme, attach, [attach, theme] { attach->setIcon(icons::make(icons::Kind::Plus, theme->color(QStringLiteral("textMuted")), 20)); });
    fl->addWidget(attach, 0, Qt::AlignBottom);
    fl->addWidget(m_composer, 1);
    auto *emoji = m_emoji = new QToolButton(frame);
    emoji->setObjectName(QStringLiteral("EmojiButton"));
    followTheme(theme, emoji, [emoji, theme] { emoji->setIcon(icons::make(icons::Kind::Smiley, theme->color(QStringLiteral("textMuted")), 20)); });
    connect(emoji, &QToolButton::clicked, this, [this, emoji] {
        openEmojiPicker(0, emoji->mapToGlobal(QPoint(emoji->width() - 400, -4)));
    });
    fl->addWidget(emoji, 0, Qt::AlignBottom);
    auto *send = m_send = new QToolButton(frame);
    send->setObjectName(QStringLiteral("SendButton"));
    followTheme(theme, send, [send, theme] { send->setIcon(icons::make(icons::Kind::Send, theme->color(QStringLiteral("textMuted")), 20)); });
    fl->addWidget(send, 0, Qt::AlignBottom);
    m_tray = new AttachmentTray(state, m_composer, theme, bottom);
    bl->addWidget(m_tray);
    bl->addWidget(frame);
    // Tab reads down the pane: the messages, a notice's Dismiss above the composer, then it.
    setTabOrder(m_view, close);
    setTabOrder(close, attach);
    setTabOrder(attach, m_composer);
    setTabOrder(m_composer, emoji);
    setTabOrder(emoji, send);
    m_hint->setObjectName(QStringLiteral("ComposerHint"));
    m_hint->setText(QStringLiteral(" "));
    // Typing and the edit hint share the line under the composer, so nothing jumps.
    m_typing->setObjectName(QStringLiteral("TypingIndicator"));
    auto *hintRow = new QHBoxLayout;
    hintRow->setContentsMargins(0, 0, 0, 0);
    hintRow->addWidget(m_typing, 1);
    hintRow->addWidget(m_hint);
    bl->addLayout(hintRow);
    layout->addWidget(bottom);

    connect(send, &QToolButton::clicked, this, [this] {
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QCoreApplication::sendEvent(m_composer, &enter);
    });
    connect(m_composer, &Composer::sendRequested, this, [this](const QString &text) {
        m_state->sendMessage(text, 0, m_composer->takeFiles());
        m_view->scrollToBottomNow();
    });
    connect(m_composer, &Composer::replySubmitted, this, [this](Id replyToId, const QString &text) {
        m_state->sendMessage(text, replyToId, m_composer->takeFiles());
        m_view->scrollToBottomNow();
    });
    connect(m_composer, &Composer::editSubmitted, state, &ClientState::editMessage);
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (m_composer->editing() == 0 && !m_composer->toPlainText().trimmed().isEmpty())
            m_state->noteTyping();
    });
    connect(state, &ClientState::typingChanged, this, [this](Id channelId) {
        if (channelId == m_state->currentChannel())
            syncTyping();
    });
    connect(m_composer, &Composer::tooLong, this, [this](int length, int max) {
        showError(tr("This message is %1 characters long; the limit is %2.").arg(length).arg(max));
    });
    connect(m_composer, &Composer::editLastRequested, this, [this] {
        MessageListModel *model = m_state->messages();
        const Id id = model->lastMine();
        if (id)
            m_composer->beginEdit(id, model->messageAt(model->rowOf(id)).content);
    });
    connect(m_composer, &Composer::editingChanged, this, &ChatPane::syncHint);
    connect(m_composer, &Composer::replyChanged, this, &ChatPane::syncHint);
    connect(m_view, &MessageView::replyRequested, m_composer, &Composer::beginReply);
    connect(m_view, &MessageView::editRequested, m_composer, &Composer::beginEdit);
    connect(m_view, &MessageView::deleteRequested, this, [this, theme](Id id) {
        // Shift held: no question, as people know it from elsewhere.
        if (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) {
            m_state->deleteMessage(id);
            return;
        }
        const MessageListModel *model = m_state->messages();
        const int row = model->rowOf(id);
        if (row < 0)
            return;
        const Message m = model->messageAt(row);
        auto *dialog = new DeleteMessageDialog(m.author.displayName.isEmpty() ? m.author.username : m.author.displayName,
                                               m.content, theme, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, id] { m_state->deleteMessage(id); });
        dialog->open();
    });
    connect(m_view, &MessageView::reactionToggled, state, &ClientState::toggleReaction);
    connect(m_view, &MessageView::reactionPickerRequested, this, &ChatPane::openEmojiPicker);
    connect(m_view, &MessageView::reactionUsersWanted, state, &ClientState::loadReactionUsers);
    connect(state, &ClientState::reactionUsersLoaded, this,
            [this](Id messageId, const QString &emoji, const QList<User> &users) {
                // Me first, as "You", then the others in the order they reacted.
                QStringList names;
                for (const User &u : users) {
                    if (u.id == m_state->me().id)
                        names.prepend(tr("You"));
                    else
                        names.append(u.displayName.isEmpty() ? u.username : u.displayName);
                }
                m_view->showReactionUsers(messageId, emoji, names);
            });
    connect(m_view, &MessageView::retryRequested, state, &ClientState::retrySend);
    connect(m_view, &MessageView::discardRequested, state, &ClientState::discardSend);
    connect(m_view, &MessageView::linkActivated, this, [this](const QUrl &url) {
        const QString link = url.toString();
        if (link.startsWith(MessageDelegate::kChannelLink))
            m_state->selectChannel(link.mid(MessageDelegate::kChannelLink.size()).toULongLong());
        else if (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto")
            QDesktopServices::openUrl(url);
    });
    m_view->messageDelegate()->setMentionNames({
        [this](const QString &username) { return m_people.value(username.toLower()); },
        [this](const QString &channel) { return quint64(m_channelIds.value(channel.toLower())); },
    });
    m_view->messageDelegate()->setNameColor([this](quint64 userId) {
        return m_state->currentGuild() ? m_state->nameColor(m_state->currentGuild(), userId) : QColor();
    });
    connect(state, &ClientState::rolesChanged, this, [this](Id guildId) {
        if (guildId == m_state->currentGuild())
            m_view->viewport()->update(); // colours only: nothing moves
    });
    connect(state->members(), &QAbstractItemModel::modelReset, this, &ChatPane::syncMentionNames);
    connect(state->channels(), &QAbstractItemModel::modelReset, this, &ChatPane::syncMentionNames);
    connect(state->channels(), &QAbstractItemModel::dataChanged, this, &ChatPane::syncMentionNames);
    connect(state, &ClientState::currentChannelChanged, this, &ChatPane::syncHeader);
    connect(state, &ClientState::channelInfoChanged, this, &ChatPane::syncHeader);
    // Roulette: say under the composer whom the last message went to.
    connect(state, &ClientState::rouletteDelivered, this, [this](Id channelId, Id, Id userId) {
        if (channelId != m_state->currentChannel() || m_composer->editing() || m_composer->replyingTo())
            return;
        const Member *m = userId ? m_state->member(m_state->currentGuild(), userId) : nullptr;
        const QString name = !m ? QString() : m->user.displayName.isEmpty() ? m->user.username : m->user.displayName;
        m_hint->setText(!userId     ? tr("Nobody online could get your message: it is gone.")
                        : m         ? tr("Your message went to %1.").arg(name)
                                    : tr("Your message went to someone."));
    });
    connect(state, &ClientState::currentGuildChanged, this, [this] {
        m_view->setCanModerate(m_state->canManage(m_state->currentGuild()));
    });
    connect(state, &ClientState::actionFailed, this, &ChatPane::onActionFailed);
    wireAttachments();
    retranslate();
    syncHeader();
}

void ChatPane::syncMentionNames()
{
    QHash<QString, QString> people;
    for (const Member &m : m_state->members()->members())
        people.insert(m.user.username.toLower(), m.user.displayName.isEmpty() ? m.user.username : m.user.displayName);
    QHash<QString, Id> channels;
    for (const Channel &c : m_state->channelsOf(m_state->currentGuild()))
        channels.insert(c.name.toLower(), c.id);
    if (people == m_people && channels == m_channelIds)
        return; // most resets change no name: keep the laid-out messages
    m_people = std::move(people);
    m_channelIds = std::move(channels);
    m_view->messageDelegate()->mentionNamesChanged();
}

QList<MentionCandidate> ChatPane::mentionCandidates(QChar kind, const QString &prefix) const
{
    constexpr int kMax = 25;
    QList<MentionCandidate> out;
    const auto starts = [&prefix](const QString &name) {
        if (name.startsWith(prefix, Qt::CaseInsensitive))
            return true;
        // "jo" finds "Mary Jones" too: any word of a display name.
        for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (word.startsWith(prefix, Qt::CaseInsensitive))
                return true;
        return false;
    };
    const Id guildId = m_state->currentGuild();
    if (kind == u'#') {
        for (const Channel &c : m_state->channelsOf(guildId))
            if (starts(c.name))
                out.append({c.name, c.name, c.id});
    } else {
        for (const Member &m : m_state->members()->members())
            if (starts(m.user.username) || starts(m.user.displayName))
                out.append({m.user.username, m.user.displayName.isEmpty() ? m.user.username : m.user.displayName, m.user.id});
        std::sort(out.begin(), out.end(), [](const MentionCandidate &a, const MentionCandidate &b) {
            return a.label.compare(b.label, Qt::CaseInsensitive) < 0;
        });
        // As the host counts it (PROTOCOL.md 10.3): @everyone reaches people from the staff only.
        if (guildId && m_state->canManage(guildId) && QStringLiteral("everyone").startsWith(prefix, Qt::CaseInsensitive))
            out.append({QStringLiteral("everyone"), tr("everyone"), 0});
    }
    if (out.size() > kMax)
        out.resize(kMax);
    return out;
}

void ChatPane::retranslate()
{
    m_channelsToggle->setToolTip(tr("Show channels"));
    m_channelsToggle->setAccessibleName(m_channelsToggle->toolTip());
    m_membersToggle->setToolTip(tr("Show members"));
    m_membersToggle->setAccessibleName(m_membersToggle->toolTip());
    m_dismiss->setToolTip(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss"));
    m_emoji->setToolTip(tr("Emoji"));
    m_emoji->setAccessibleName(tr("Insert an emoji"));
    m_attach->setToolTip(tr("Attach files"));
    m_attach->setAccessibleName(tr("Attach files"));
    m_send->setToolTip(tr("Send (Enter)"));
    m_search->setPlaceholderText(tr("Search"));
    m_search->setToolTip(tr("Search messages (Ctrl+F): from:, in:, has:"));
    m_search->setAccessibleName(tr("Search messages"));
    m_lens->setText(tr("Search"));
    m_send->setAccessibleName(tr("Send"));
    // The texts that depend on the channel, the edit and who types; the draft and an edit stay.
    syncTexts();
    syncHint();
    syncTyping();
}

void ChatPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ChatPane::openEmojiPicker(Id messageId, const QPoint &globalPos)
{
    if (!m_picker) {
        m_picker = new EmojiPicker(m_settings, m_theme, this);
        connect(m_picker, &EmojiPicker::picked, this, [this](const QString &emoji) {
            if (!m_pickFor) {
                m_composer->insertPlainText(emoji);
                m_composer->setFocus();
            } else if (!m_state->messages()->hasMyReaction(m_pickFor, emoji)) {
                // Picking one I already have keeps it: only its chip takes it away.
                m_state->toggleReaction(m_pickFor, emoji);
            }
        });
    }
    m_pickFor = messageId;
    m_picker->popup(globalPos);
}

void ChatPane::syncHint()
{
    if (m_composer->editing())
        m_hint->setText(tr("Editing message · Enter to save · Escape to cancel"));
    else if (m_composer->replyingTo())
        m_hint->setText(tr("Replying to %1 · Escape to cancel").arg(m_composer->replyingToName()));
    else
        m_hint->setText(QStringLiteral(" "));
}

QString ChatPane::typingSentence(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    case 3:
        return tr("%1, %2 and %3 are typing…").arg(names.at(0), names.at(1), names.at(2));
    }
    return tr("Several people are typing…");
}

QString ChatPane::typingText() const
{
    return m_typing->text();
}

void ChatPane::syncTyping()
{
    m_typing->setText(typingSentence(m_state->typingNames(m_state->currentChannel())));
}

void ChatPane::syncHeader()
{
    const Channel c = m_state->channel(m_state->currentChannel());
    m_name->setFullText(c.name);
    m_hash->setVisible(!c.isDm());
    syncMark();
    m_at->setVisible(c.type == ChannelType::Dm);
    m_topic->setFullText(c.isDm() ? QString() : c.topic);
    m_composer->cancelEdit();
    m_composer->cancelReply(); // a reply belongs to the channel it was started in
    m_composer->setEnabled(c.id != 0);
    m_hint->setText(QStringLiteral(" ")); // a roulette line belongs to the channel it was said in
    syncTyping();
    syncTexts();
    if (c.id)
        m_composer->setFocus();
}

void ChatPane::syncMark()
{
    const Channel c = m_state->channel(m_state->currentChannel());
    const icons::Kind kind = c.mode == ChannelMode::Roulette ? icons::Kind::Dice
                             : !c.persistent                 ? icons::Kind::Hourglass
                                                             : icons::Kind::Hash;
    m_hash->setPixmap(icons::make(kind, m_theme->color(QStringLiteral("textFaint")), 22).pixmap(22, 22));
    m_hash->setToolTip(c.mode == ChannelMode::Roulette ? tr("Roulette: each message goes to one person")
                       : !c.persistent                 ? tr("Messages here are not stored")
                                                       : QString());
}

void ChatPane::syncTexts()
{
    const Channel c = m_state->channel(m_state->currentChannel());
    if (c.isDm()) {
        m_composer->setPlaceholderText(tr("Message @%1").arg(c.name));
        m_composer->setAccessibleName(m_composer->placeholderText());
        m_view->setEmptyText(tr("This is the beginning of your conversation with %1.").arg(c.name));
    } else {
        QString placeholder = c.id ? tr("Message #%1").arg(c.name) : tr("No channel selected");
        QString empty = c.id ? tr("This is the beginning of #%1. Say hello!").arg(c.name) : QString();
        if (c.id && c.mode == ChannelMode::Roulette) {
            placeholder = tr("Message someone at random in #%1").arg(c.name);
            empty = tr("Roulette: each message here goes to one person picked at random among those online, and "
                       "is never stored.");
        } else if (c.id && !c.persistent) {
            placeholder = tr("Message #%1 (not stored)").arg(c.name);
            empty = tr("Messages here are not stored: they reach those online when sent, and are gone after.");
        }
        m_composer->setPlaceholderText(placeholder);
        m_composer->setAccessibleName(placeholder);
        m_view->setEmptyText(empty);
    }
}

void ChatPane::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString ChatPane::noticeText() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

void ChatPane::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_errorTimer->start();
}

void ChatPane::setPanelToggles(bool channels, bool members)
{
    m_channelsToggle->setVisible(channels);
    m_membersToggle->setVisible(members);
}

void ChatPane::showInfo(const QString &key, const QString &text)
{
    if (text.isEmpty())
        m_infos.remove(key);
    else
        m_infos.insert(key, text);
    // Rich text, so a notice may carry a link ("Manage"); plain ones are escaped.
    QStringList html;
    for (const QString &t : std::as_const(m_infos))
        html << (t.contains(u"<a ") ? t : t.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    m_infoText->setTextFormat(Qt::RichText);
    m_infoText->setText(html.join(QStringLiteral("<br>")));
    m_info->setVisible(!m_infos.isEmpty());
}

QString ChatPane::infoText() const
{
    return m_info->isVisible() ? QStringList(m_infos.values()).join(QLatin1Char('\n')) : QString();
}

void ChatPane::onActionFailed(const QString &what, const kith::Error &error)
{
    showError(tr("%1 failed: %2").arg(what, error.message.isEmpty() ? errorCodeName(error.code) : error.message));
}

} // namespace kith::app

namespace kith::app {

void ChatPane::wireAttachments()
{
    setAcceptDrops(true);
    m_view->setAttachmentCache(m_state->attachments());
    connect(m_attach, &QToolButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
        m_composer->addFiles(paths);
        m_composer->setFocus();
    });
    connect(m_state, &ClientState::stateLoaded, this, [this] {
        m_composer->setFileLimits(m_state->attachmentLimit(), m_state->attachmentsPerMessage());
    });
    connect(m_composer, &Composer::fileRefused, this, [this](const QString &name, const QString &reason) {
        showError(tr("%1 was not attached: %2.").arg(name, reason));
    });
    connect(m_view, &MessageView::imageOpened, this, [this](const Attachment &a) {
        auto *viewer = new ImageViewer(a, m_state->attachments(), window());
        viewer->open();
    });
    connect(m_view, &MessageView::saveRequested, this, [this](const Attachment &a) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        const QString path = QFileDialog::getSaveFileName(this, tr("Save file"), QDir(dir).filePath(a.filename));
        if (!path.isEmpty())
            saveAttachment(a, path);
    });
    AttachmentCache *cache = m_state->attachments();
    connect(cache, &AttachmentCache::saveProgress, this, [this](Id id, qint64 received, qint64 total) {
        showInfo(QStringLiteral("save-%1").arg(id),
                 total > 0 ? tr("Saving… %1%").arg(received * 100 / total) : tr("Saving…"));
    });
    connect(cache, &AttachmentCache::saved, this, [this](Id id, const QString &path, bool ok, const QString &error) {
        showInfo(QStringLiteral("save-%1").arg(id),
                 ok ? tr("Saved %1").arg(QDir::toNativeSeparators(path))
                    : tr("Could not save %1: %2").arg(QFileInfo(path).fileName(), error));
    });
}

void ChatPane::saveAttachment(const Attachment &attachment, const QString &path)
{
    showInfo(QStringLiteral("save-%1").arg(attachment.id), tr("Saving %1…").arg(attachment.filename));
    m_state->attachments()->save(attachment, path);
}

void ChatPane::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void ChatPane::dropEvent(QDropEvent *event)
{
    // Files dropped anywhere on the chat go with the next message.
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    if (!paths.isEmpty())
        m_composer->addFiles(paths);
    else if (event->mimeData()->hasImage())
        m_composer->addImage(qvariant_cast<QImage>(event->mimeData()->imageData()));
    else
        return;
    event->acceptProposedAction();
    m_composer->setFocus();
}

} // namespace kith::app

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>SecretStorage (Linux)</source>
        <translation>SecretStorage (Linux)</translation>
    </message>
    <message>
        <source>Jeepney (Linux)</source>
        <translation>Jeepney (Linux)</translation>
    </message>
    <message>
        <source>Starlette (demo server)</source>
        <translation>Starlette (Demoserver)</translation>
    </message>
    <message>
        <source>Uvicorn (demo server)</source>
        <translation>Uvicorn (Demoserver)</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>&amp;Open-source components included, with their licences:</source>
        <translation>Enthaltene &amp;Open-Source-Komponenten und ihre Lizenzen:</translation>
    </message>
    <message>
        <source>{app} icon</source>
        <translation>{app}-Symbol</translation>
    </message>
    <message>
        <source>{app} version {version}</source>
        <translation>{app}, Version {version}</translation>
    </message>
    <message>
        <source>Your Flashback repositories and AI conversations on the desktop.</source>
        <translation>Ihre Flashback-Repositorys und KI-Unterhaltungen auf dem Desktop.</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>Enthaltene Komponenten und ihre Lizenzen</translation>
    </message>
    <message>
        <source>Each open-source component the app includes, its version and its licence</source>
        <translation>Jede Open-Source-Komponente der App mit ihrer Version und ihrer Lizenz</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Your sign-in has expired.</source>
        <translation>Ihre Anmeldung ist abgelaufen.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Organisation role: {role}</source>
        <translation>Rolle in der Organisation: {role}</translation>
    </message>
    <message>
        <source>Signed in as {who}</source>
        <translation>Angemeldet als {who}</translation>
    </message>
    <message>
        <source>You are signed out on this computer, but Flashback could not be told, so that sign-in stays valid on the server until it expires.</source>
        <translation>Sie sind auf diesem Computer abgemeldet, aber Flashback konnte nicht benachrichtigt werden. Die Anmeldung bleibt deshalb auf dem Server gültig, bis sie abläuft.</translation>
    </message>
    <message>
        <source>You are signed out, but your sign-in could not be removed from this computer&apos;s password store.</source>
        <translation>Sie sind abgemeldet, aber Ihre Anmeldung konnte nicht aus dem Passwortspeicher dieses Computers entfernt werden.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>built-in demo server</source>
        <translation>integrierter Demoserver</translation>
    </message>
</context>
<context>
    <name>AppMenus</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Choose the Flashback server and the language</source>
        <translation>Flashback-Server und Sprache wählen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About Flashback Desktop</source>
        <translation>Ü&amp;ber Flashback Desktop</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The user guide could not be opened.</source>
        <translation>Das Benutzerhandbuch konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>This installation of Flashback Desktop does not include it.</source>
        <translation>Diese Installation von Flashback Desktop enthält es nicht.</translation>
    </message>
    <message>
        <source>Ask your IT support for the user guide.</source>
        <translation>Fragen Sie Ihren IT-Support nach dem Benutzerhandbuch.</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Über Qt</translation>
    </message>
    <message>
        <source>Flashback Desktop uses Qt {qt} through Qt for Python (PySide6) {pyside}.</source>
        <translation>Flashback Desktop verwendet Qt {qt} über Qt for Python (PySide6) {pyside}.</translation>
    </message>
    <message>
        <source>Qt is a toolkit for building applications, developed by The Qt Company and the Qt Project. The app uses it under the GNU Lesser General Public License version 3 (LGPLv3). See {licensing} and {site}.</source>
        <translation>Qt ist ein Toolkit zum Erstellen von Anwendungen, entwickelt von The Qt Company und dem Qt Project. Die App verwendet es unter der GNU Lesser General Public License, Version 3 (LGPLv3). Siehe {licensing} und {site}.</translation>
    </message>
    <message>
        <source>Your new settings are saved.</source>
        <translation>Ihre neuen Einstellungen sind gespeichert.</translation>
    </message>
    <message>
        <source>Close Flashback Desktop and open it again to use them.</source>
        <translation>Schließen Sie Flashback Desktop und öffnen Sie es erneut, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>Jetzt &amp;neu starten</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Flashback Desktop could not restart by itself.</source>
        <translation>Flashback Desktop konnte sich nicht selbst neu starten.</translation>
    </message>
    <message>
        <source>Restart Flashback Desktop to use the new server and language?</source>
        <translation>Flashback Desktop neu starten, um den neuen Server und die neue Sprache zu verwenden?</translation>
    </message>
    <message>
        <source>Restart Flashback Desktop to show it in {language}?</source>
        <translation>Flashback Desktop neu starten, um es auf {language} anzuzeigen?</translation>
    </message>
    <message>
        <source>Restart Flashback Desktop to use the new server?</source>
        <translation>Flashback Desktop neu starten, um den neuen Server zu verwenden?</translation>
    </message>
    <message>
        <source>New server: {server}</source>
        <translation>Neuer Server: {server}</translation>
    </message>
    <message>
        <source>New language: {language}</source>
        <translation>Neue Sprache: {language}</translation>
    </message>
    <message>
        <source>Each server has its own sign-in, so you may be asked to sign in to it. Otherwise the new server is used from the next start.</source>
        <translation>Jeder Server hat seine eigene Anmeldung, daher werden Sie möglicherweise gebeten, sich dort anzumelden. Andernfalls wird der neue Server ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <source>Otherwise the new language is used from the next start.</source>
        <translation>Andernfalls wird die neue Sprache ab dem nächsten Start verwendet.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Tries to reach Flashback again without waiting</source>
        <translation>Versucht sofort erneut, Flashback zu erreichen</translation>
    </message>
    <message>
        <source>{reason} Trying again now…</source>
        <translation>{reason} Neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>{reason} Retrying in {seconds} s.</source>
        <translation>{reason} Neuer Versuch in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <source>Select a repository to start a conversation.</source>
        <translation>Wählen Sie ein Repository, um eine Unterhaltung zu beginnen.</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Start a new AI conversation for the selected repository (Ctrl+N)</source>
        <translation>Eine neue KI-Unterhaltung für das ausgewählte Repository beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>New Conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Starts a new AI conversation for the selected repository</source>
        <translation>Beginnt eine neue KI-Unterhaltung für das ausgewählte Repository</translation>
    </message>
    <message>
        <source>✓ Conversation created:</source>
        <translation>✓ Unterhaltung erstellt:</translation>
    </message>
    <message>
        <source>New conversation ID</source>
        <translation>ID der neuen Unterhaltung</translation>
    </message>
    <message>
        <source>The ID of the conversation just created; Ctrl+C copies it</source>
        <translation>Die ID der gerade erstellten Unterhaltung; Strg+C kopiert sie</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the conversation ID</source>
        <translation>Die ID der Unterhaltung kopieren</translation>
    </message>
    <message>
        <source>Copy conversation ID</source>
        <translation>Unterhaltungs-ID kopieren</translation>
    </message>
    <message>
        <source>Copies the new conversation&apos;s ID to the clipboard</source>
        <translation>Kopiert die ID der neuen Unterhaltung in die Zwischenablage</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>Opens the new conversation to talk in it (Enter on the ID)</source>
        <translation>Öffnet die neue Unterhaltung, um darin zu schreiben (Eingabetaste auf der ID)</translation>
    </message>
    <message>
        <source>Conversation ID copied.</source>
        <translation>Unterhaltungs-ID kopiert.</translation>
    </message>
    <message>
        <source>This repository has no AI model yet: a conversation can be started, but it won&apos;t be able to answer until an administrator adds a model.</source>
        <translation>Für dieses Repository ist noch kein KI-Modell eingerichtet: Sie können eine Unterhaltung beginnen, aber sie kann erst antworten, wenn ein Administrator ein Modell hinzufügt.</translation>
    </message>
    <message>
        <source>An administrator has disabled this repository. Ask them to enable it again if you need it.</source>
        <translation>Ein Administrator hat dieses Repository deaktiviert. Wenn Sie es brauchen, bitten Sie ihn, es wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>A conversation is a chat with an AI model about the files in this repository. Its ID is the code that names it: copy it to open or mention this conversation elsewhere.</source>
        <translation>Eine Unterhaltung ist ein Chat mit einem KI-Modell über die Dateien in diesem Repository. Ihre ID ist der Code, der sie bezeichnet: Kopieren Sie ihn, um diese Unterhaltung anderswo zu öffnen oder zu erwähnen.</translation>
    </message>
    <message>
        <source>Starting conversation…</source>
        <translation>Unterhaltung wird begonnen…</translation>
    </message>
    <message>
        <source>Conversation created. Its ID is {id}.</source>
        <translation>Unterhaltung erstellt. Ihre ID lautet {id}.</translation>
    </message>
</context>
<context>
    <name>ConversationWindow</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>The conversation&apos;s messages, oldest first. Ctrl+C copies the selected one; Enter shows it on its own, to select part of it.</source>
        <translation>Die Nachrichten der Unterhaltung, älteste zuerst. Strg+C kopiert die ausgewählte; die Eingabetaste zeigt sie einzeln, um einen Teil auszuwählen.</translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation>Nachricht &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <source>Copies the whole text of the selected message</source>
        <translation>Kopiert den ganzen Text der ausgewählten Nachricht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh messages</source>
        <translation>Nachrichten aktualisieren</translation>
    </message>
    <message>
        <source>Reads this conversation&apos;s messages again (F5)</source>
        <translation>Liest die Nachrichten dieser Unterhaltung erneut (F5)</translation>
    </message>
    <message>
        <source>This repository has no AI model, so it cannot answer prompts. Ask your Flashback administrator to connect an AI model to it.</source>
        <translation>Dieses Repository hat kein KI-Modell und kann deshalb keine Fragen beantworten. Bitten Sie Ihre Flashback-Administration, ein KI-Modell anzubinden.</translation>
    </message>
    <message>
        <source>Ask about this repository… (Ctrl+Enter sends)</source>
        <translation>Fragen Sie zu diesem Repository … (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Your prompt</source>
        <translation>Ihre Frage</translation>
    </message>
    <message>
        <source>Type your question; Ctrl+Enter sends it</source>
        <translation>Geben Sie Ihre Frage ein; Strg+Eingabe sendet sie</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Sends your prompt (Ctrl+Enter)</source>
        <translation>Sendet Ihre Frage (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht mehr warten</translation>
    </message>
    <message>
        <source>Stops waiting for the reply; Refresh shows it once it has come</source>
        <translation>Wartet nicht mehr auf die Antwort; Aktualisieren zeigt sie, sobald sie da ist</translation>
    </message>
    <message>
        <source>No messages yet. Type your question below; Ctrl+Enter sends it.</source>
        <translation>Noch keine Nachrichten. Geben Sie unten Ihre Frage ein; Strg+Eingabe sendet sie.</translation>
    </message>
    <message>
        <source>New reply from the assistant.</source>
        <translation>Neue Antwort des Assistenten.</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>{title} — Flashback Desktop</source>
        <translation>{title} — Flashback Desktop</translation>
    </message>
    <message>
        <source>Flashback did not confirm your prompt, and the app could not check whether it arrived. Your text is still in the box. Press Refresh to see whether it is in the conversation before you send it again.</source>
        <translation>Flashback hat Ihre Frage nicht bestätigt, und die App konnte nicht prüfen, ob sie angekommen ist. Ihr Text steht noch im Feld. Drücken Sie auf Aktualisieren, um zu sehen, ob sie in der Unterhaltung steht, bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <source>You stopped waiting, but Flashback has your prompt: it was sent once. Press Refresh later to see the reply.</source>
        <translation>Sie haben nicht mehr gewartet, aber Flashback hat Ihre Frage: Sie wurde einmal gesendet. Drücken Sie später auf Aktualisieren, um die Antwort zu sehen.</translation>
    </message>
    <message>
        <source>You stopped waiting, and the app could not check whether Flashback got your prompt. Your text is still in the box. Press Refresh to see whether it is in the conversation before you send it again.</source>
        <translation>Sie haben nicht mehr gewartet, und die App konnte nicht prüfen, ob Flashback Ihre Frage erhalten hat. Ihr Text steht noch im Feld. Drücken Sie auf Aktualisieren, um zu sehen, ob sie in der Unterhaltung steht, bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <source>No reply yet. The assistant may still answer: press Refresh to look again.</source>
        <translation>Noch keine Antwort. Der Assistent kann noch antworten: Drücken Sie auf Aktualisieren, um erneut nachzusehen.</translation>
    </message>
    <message>
        <source>{problem} Your text is still in the box; nothing was lost.</source>
        <translation>{problem} Ihr Text steht noch im Feld; nichts ging verloren.</translation>
    </message>
    <message>
        <source>{problem} All the same, Flashback has your prompt: it was sent once. Waiting for the reply.</source>
        <translation>{problem} Trotzdem hat Flashback Ihre Frage: Sie wurde einmal gesendet. Warten auf die Antwort.</translation>
    </message>
    <message>
        <source>{problem} Flashback does not have your prompt, so it was not sent. Your text is still in the box: press Send when you are ready.</source>
        <translation>{problem} Flashback hat Ihre Frage nicht, sie wurde also nicht gesendet. Ihr Text steht noch im Feld: Drücken Sie auf Senden, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>You stopped waiting. Your prompt is not in the conversation yet, but it may still arrive. Your text is still in the box. Press Refresh in a moment to see whether it is in the conversation before you send it again.</source>
        <translation>Sie haben nicht mehr gewartet. Ihre Frage steht noch nicht in der Unterhaltung, kann aber noch ankommen. Ihr Text steht noch im Feld. Drücken Sie gleich auf Aktualisieren, um zu sehen, ob sie in der Unterhaltung steht, bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again, then press Send: your text is still in the box.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an und drücken Sie dann auf Senden: Ihr Text steht noch im Feld.</translation>
    </message>
    <message>
        <source>Message copied.</source>
        <translation>Nachricht kopiert.</translation>
    </message>
</context>
<context>
    <name>CopyConversationId</name>
    <message>
        <source>Conversation ID copied.</source>
        <translation>Unterhaltungs-ID kopiert.</translation>
    </message>
</context>
<context>
    <name>CopyFeedback</name>
    <message>
        <source>✓ Copied</source>
        <translation>✓ Kopiert</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>The app&apos;s log is at: {path}</source>
        <translation>Das Protokoll der App befindet sich hier: {path}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong in Flashback Desktop.</source>
        <translation>In Flashback Desktop ist ein unerwarteter Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>The app ran into a problem it did not expect. Your data on Flashback is safe.</source>
        <translation>Die App ist auf ein unerwartetes Problem gestoßen. Ihre Daten in Flashback sind sicher.</translation>
    </message>
    <message>
        <source>You can keep working. If this happens again, copy the details and send them to your IT support.</source>
        <translation>Sie können weiterarbeiten. Wenn das erneut passiert, kopieren Sie die Details und senden Sie sie an Ihren IT-Support.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Flashback Desktop</source>
        <translation>Flashback Desktop</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Technical details for your IT support</source>
        <translation>Technische Details für Ihren IT-Support</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>&amp;Details anzeigen</translation>
    </message>
    <message>
        <source>Shows the technical details for your IT support</source>
        <translation>Zeigt die technischen Details für Ihren IT-Support an</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Copies the technical details, to paste into a message to IT support</source>
        <translation>Kopiert die technischen Details, um sie in eine Nachricht an den IT-Support einzufügen</translation>
    </message>
    <message>
        <source>Details copied.</source>
        <translation>Details kopiert.</translation>
    </message>
    <message>
        <source>… (shortened; Copy details copies all of it)</source>
        <translation>… (gekürzt; „Details kopieren“ kopiert alles)</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>&amp;Details ausblenden</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter repositories…</source>
        <translation>Repositorys filtern…</translation>
    </message>
    <message>
        <source>Filter repositories</source>
        <translation>Repositorys filtern</translation>
    </message>
    <message>
        <source>Shows repositories whose name or workspace contains the text; Down arrow goes to the list</source>
        <translation>Zeigt die Repositorys, deren Name oder Arbeitsbereich den Text enthält; die Pfeiltaste nach unten wechselt in die Liste</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Shows the repositories of one workspace, or of all of them</source>
        <translation>Zeigt die Repositorys eines Arbeitsbereichs oder aller Arbeitsbereiche</translation>
    </message>
    <message>
        <source>All workspaces</source>
        <translation>Alle Arbeitsbereiche</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Recent conversations</source>
        <translation>Letzte Unterhaltungen</translation>
    </message>
    <message>
        <source>Conversations of the selected repository, newest first. Ctrl+C copies the selected conversation&apos;s ID; Delete deletes it.</source>
        <translation>Unterhaltungen des ausgewählten Repositorys, die neueste zuerst. Strg+C kopiert die ID der ausgewählten Unterhaltung; Entf löscht sie.</translation>
    </message>
    <message>
        <source>&amp;Copy ID</source>
        <translation>ID &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>E&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>Try loading the conversations again</source>
        <translation>Unterhaltungen erneut laden</translation>
    </message>
    <message>
        <source>Asks Flashback for this repository&apos;s conversations again</source>
        <translation>Fragt Flashback erneut nach den Unterhaltungen dieses Repositorys</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Weitere laden</translation>
    </message>
    <message>
        <source>Show older conversations</source>
        <translation>Ältere Unterhaltungen anzeigen</translation>
    </message>
    <message>
        <source>Load more conversations</source>
        <translation>Weitere Unterhaltungen laden</translation>
    </message>
    <message>
        <source>Cop&amp;y ID</source>
        <translation>ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected conversation&apos;s ID (Ctrl+C in the list)</source>
        <translation>Die ID der ausgewählten Unterhaltung kopieren (Strg+C in der Liste)</translation>
    </message>
    <message>
        <source>Copy the selected conversation&apos;s ID</source>
        <translation>ID der ausgewählten Unterhaltung kopieren</translation>
    </message>
    <message>
        <source>Copies the ID of the conversation selected in the list</source>
        <translation>Kopiert die ID der in der Liste ausgewählten Unterhaltung</translation>
    </message>
    <message>
        <source>Delete the selected conversation (Delete in the list)</source>
        <translation>Die ausgewählte Unterhaltung löschen (Entf in der Liste)</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Deletes the selected conversation after asking you</source>
        <translation>Löscht die ausgewählte Unterhaltung nach einer Rückfrage</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>Opens the selected conversation (Enter or double-click in the list)</source>
        <translation>Öffnet die ausgewählte Unterhaltung (Eingabetaste oder Doppelklick in der Liste)</translation>
    </message>
    <message>
        <source>Loading conversations…</source>
        <translation>Unterhaltungen werden geladen…</translation>
    </message>
    <message>
        <source>Conversations could not be loaded. {message}
{action}</source>
        <translation>Die Unterhaltungen konnten nicht geladen werden. {message}
{action}</translation>
    </message>
    <message>
        <source>Older conversations could not be loaded. {message}</source>
        <translation>Ältere Unterhaltungen konnten nicht geladen werden. {message}</translation>
    </message>
    <message>
        <source>Conversation ID copied.</source>
        <translation>Unterhaltungs-ID kopiert.</translation>
    </message>
    <message>
        <source>Delete the conversation {name}?</source>
        <translation>Die Unterhaltung {name} löschen?</translation>
    </message>
    <message>
        <source>It will no longer appear in the list of conversations.</source>
        <translation>Sie wird nicht mehr in der Liste der Unterhaltungen angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>That conversation had already been deleted.</source>
        <translation>Diese Unterhaltung war bereits gelöscht.</translation>
    </message>
    <message>
        <source>Flashback couldn&apos;t delete the conversation {name}.</source>
        <translation>Flashback konnte die Unterhaltung {name} nicht löschen.</translation>
    </message>
    <message>
        <source>Deleted the conversation {name}.</source>
        <translation>Die Unterhaltung {name} wurde gelöscht.</translation>
    </message>
    <message>
        <source>Select a repository to see its recent conversations.</source>
        <translation>Wählen Sie ein Repository, um seine letzten Unterhaltungen zu sehen.</translation>
    </message>
    <message>
        <source>No conversations yet.
Start one with New Conversation.</source>
        <translation>Noch keine Unterhaltungen.
Beginnen Sie eine mit „Neue Unterhaltung“.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <comment>conversations shown of all</comment>
        <translation>{shown} von {total}</translation>
    </message>
    <message>
        <source>{shown} of {total} conversations shown</source>
        <translation>{shown} von {total} Unterhaltungen angezeigt</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Begonnen von</translation>
    </message>
    <message>
        <source>Sent to AI</source>
        <translation>An die KI</translation>
    </message>
    <message>
        <source>AI replies</source>
        <translation>KI-Antworten</translation>
    </message>
    <message>
        <source>How much text was sent to the AI model, counted in tokens (pieces of words)</source>
        <translation>Wie viel Text an das KI-Modell gesendet wurde, gezählt in Tokens (Wortteilen)</translation>
    </message>
    <message>
        <source>How much text the AI model wrote back, counted in tokens (pieces of words)</source>
        <translation>Wie viel Text das KI-Modell zurückgeschrieben hat, gezählt in Tokens (Wortteilen)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <comment>a conversation&apos;s title, quoted</comment>
        <translation>„{title}“</translation>
    </message>
    <message>
        <source>started {when}</source>
        <comment>a conversation without a title</comment>
        <translation>vom {when}</translation>
    </message>
    <message>
        <source>Conversation ID {id}</source>
        <translation>Unterhaltungs-ID: {id}</translation>
    </message>
    <message>
        <source>No title yet</source>
        <translation>Noch ohne Titel</translation>
    </message>
    <message>
        <source>{count} tokens sent to the AI model</source>
        <translation>{count} Tokens an das KI-Modell gesendet</translation>
    </message>
    <message>
        <source>{count} tokens received from the AI model</source>
        <translation>{count} Tokens vom KI-Modell empfangen</translation>
    </message>
    <message>
        <source>Unknown time</source>
        <translation>Zeitpunkt unbekannt</translation>
    </message>
    <message>
        <source>You</source>
        <comment>who started a conversation: the person signed in</comment>
        <translation>Sie</translation>
    </message>
    <message>
        <source>You started this conversation</source>
        <translation>Sie haben diese Unterhaltung begonnen</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Jemand anderes</translation>
    </message>
    <message>
        <source>User ID {id}</source>
        <translation>Benutzer-ID: {id}</translation>
    </message>
    <message>
        <source>Creator not known</source>
        <translation>Unbekannt, wer sie begonnen hat</translation>
    </message>
</context>
<context>
    <name>MainContent</name>
    <message>
        <source>Connecting to Flashback…</source>
        <translation>Verbindung zu Flashback wird hergestellt…</translation>
    </message>
    <message>
        <source>Demo mode: {server}</source>
        <translation>Demomodus: {server}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <source>Your sign-in has expired.</source>
        <translation>Ihre Anmeldung ist abgelaufen.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again and Flashback Desktop will carry on where you left off.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, dann macht Flashback Desktop dort weiter, wo Sie aufgehört haben.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Sie sind nicht angemeldet.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Flashback Desktop — Demo</source>
        <translation>Flashback Desktop — Demo</translation>
    </message>
    <message>
        <source>Flashback Desktop</source>
        <translation>Flashback Desktop</translation>
    </message>
    <message>
        <source>Starting Flashback Desktop…</source>
        <translation>Flashback Desktop wird gestartet…</translation>
    </message>
    <message>
        <source>Flashback Desktop — {server}</source>
        <translation>Flashback Desktop — {server}</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>{author} · {when}</source>
        <comment>who wrote a message, and when</comment>
        <translation>{author} · {when}</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <comment>a message&apos;s size</comment>
        <translation>{count} Tokens</translation>
    </message>
</context>
<context>
    <name>MessageReader</name>
    <message>
        <source>The whole message; select any part to copy it</source>
        <translation>Die ganze Nachricht; wählen Sie einen beliebigen Teil aus, um ihn zu kopieren</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This Flashback server does not offer conversations.</source>
        <translation>Dieser Flashback-Server bietet keine Unterhaltungen an.</translation>
    </message>
    <message>
        <source>Conversations are only available on some Flashback servers. Ask your IT department which server to use.</source>
        <translation>Unterhaltungen gibt es nur auf manchen Flashback-Servern. Fragen Sie Ihre IT-Abteilung, welchen Server Sie verwenden sollen.</translation>
    </message>
    <message>
        <source>This repository no longer exists on Flashback.</source>
        <translation>Dieses Repository gibt es in Flashback nicht mehr.</translation>
    </message>
    <message>
        <source>The repository list has been refreshed. Pick another repository.</source>
        <translation>Die Liste der Repositorys wurde aktualisiert. Wählen Sie ein anderes Repository.</translation>
    </message>
    <message>
        <source>This Flashback server does not offer talking in conversations.</source>
        <translation>Dieser Flashback-Server bietet kein Schreiben in Unterhaltungen an.</translation>
    </message>
    <message>
        <source>Sending prompts is only available on some Flashback servers. Ask your IT department which server to use.</source>
        <translation>Fragen senden gibt es nur auf manchen Flashback-Servern. Fragen Sie Ihre IT-Abteilung, welchen Server Sie verwenden sollen.</translation>
    </message>
    <message>
        <source>Flashback did not let you write in this conversation.</source>
        <translation>Flashback hat Ihnen nicht erlaubt, in dieser Unterhaltung zu schreiben.</translation>
    </message>
    <message>
        <source>Only the person who started a conversation can write in it. Start a new conversation.</source>
        <translation>Nur die Person, die eine Unterhaltung begonnen hat, kann darin schreiben. Beginnen Sie eine neue Unterhaltung.</translation>
    </message>
    <message>
        <source>The proxy between this computer and Flashback refused the connection.</source>
        <translation>Der Proxy zwischen diesem Computer und Flashback hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>Check your network connection, or ask your IT support about the proxy.</source>
        <translation>Prüfen Sie Ihre Netzwerkverbindung oder fragen Sie Ihren IT-Support nach dem Proxy.</translation>
    </message>
    <message>
        <source>Flashback answered in a way the app does not handle.</source>
        <translation>Flashback hat auf eine Weise geantwortet, die die App nicht verarbeiten kann.</translation>
    </message>
    <message>
        <source>Wait {seconds} seconds, then try again.</source>
        <translation>Warten Sie {seconds} Sekunden und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Wait about {minutes} minutes, then try again.</source>
        <translation>Warten Sie etwa {minutes} Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Something went wrong while talking to Flashback.</source>
        <translation>Bei der Verbindung mit Flashback ist etwas schiefgegangen.</translation>
    </message>
    <message>
        <source>Try again in a moment. If it keeps happening, contact your IT support.</source>
        <translation>Versuchen Sie es gleich noch einmal. Wenn das Problem bleibt, wenden Sie sich an Ihren IT-Support.</translation>
    </message>
    <message>
        <source>Flashback did not accept the request.</source>
        <translation>Flashback hat die Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <source>Check your selection and try again. If it keeps happening, contact support.</source>
        <translation>Prüfen Sie Ihre Auswahl und versuchen Sie es erneut. Wenn das Problem bleibt, wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or is no longer valid.</source>
        <translation>Ihre Anmeldung ist abgelaufen oder nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Sign in again to continue.</source>
        <translation>Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Flashback did not accept this email address and password.</source>
        <translation>Flashback hat diese E-Mail-Adresse und dieses Passwort nicht angenommen.</translation>
    </message>
    <message>
        <source>Check both and try again.</source>
        <translation>Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>There is no Flashback account with this email address.</source>
        <translation>Es gibt kein Flashback-Konto mit dieser E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Check the spelling, or ask your Flashback administrator which address your account uses.</source>
        <translation>Prüfen Sie die Schreibweise oder fragen Sie Ihren Flashback-Administrator, welche Adresse Ihr Konto verwendet.</translation>
    </message>
    <message>
        <source>That password is not right for this account.</source>
        <translation>Dieses Passwort passt nicht zu diesem Konto.</translation>
    </message>
    <message>
        <source>Type it again, checking that Caps Lock is off. If you have forgotten it, reset it on the Flashback website.</source>
        <translation>Geben Sie es erneut ein und achten Sie darauf, dass die Feststelltaste aus ist. Wenn Sie es vergessen haben, setzen Sie es auf der Flashback-Website zurück.</translation>
    </message>
    <message>
        <source>This Flashback account has been switched off.</source>
        <translation>Dieses Flashback-Konto wurde deaktiviert.</translation>
    </message>
    <message>
        <source>Ask your Flashback administrator to switch it back on.</source>
        <translation>Bitten Sie Ihren Flashback-Administrator, es wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>This account signs in through Google, GitHub or Microsoft, so it has no Flashback password.</source>
        <translation>Dieses Konto meldet sich über Google, GitHub oder Microsoft an und hat daher kein Flashback-Passwort.</translation>
    </message>
    <message>
        <source>Sign in on the Flashback website, copy an access token there, and choose “Use an access token instead” here.</source>
        <translation>Melden Sie sich auf der Flashback-Website an, kopieren Sie dort ein Zugriffstoken und wählen Sie hier „Stattdessen ein Zugriffstoken verwenden“.</translation>
    </message>
    <message>
        <source>That code was not accepted.</source>
        <translation>Dieser Code wurde nicht angenommen.</translation>
    </message>
    <message>
        <source>Codes change every 30 seconds: type the code your authenticator app shows now.</source>
        <translation>Die Codes ändern sich alle 30 Sekunden: Geben Sie den Code ein, den Ihre Authenticator-App jetzt anzeigt.</translation>
    </message>
    <message>
        <source>The two-step sign-in took too long, so it has to start again.</source>
        <translation>Die Anmeldung in zwei Schritten hat zu lange gedauert und muss neu beginnen.</translation>
    </message>
    <message>
        <source>Type your email and password again, then the new code from your app.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse und Ihr Passwort erneut ein, dann den neuen Code aus Ihrer App.</translation>
    </message>
    <message>
        <source>You don&apos;t have access to this workspace.</source>
        <translation>Sie haben keinen Zugriff auf diesen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Ask your workspace administrator to add you.</source>
        <translation>Bitten Sie den Administrator des Arbeitsbereichs, Sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Flashback could not find what the app asked for; it may have been removed.</source>
        <translation>Flashback konnte nicht finden, was die App angefragt hat; es wurde möglicherweise entfernt.</translation>
    </message>
    <message>
        <source>Refresh the list, then try again.</source>
        <translation>Aktualisieren Sie die Liste und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This conversation no longer exists on Flashback.</source>
        <translation>Diese Unterhaltung gibt es in Flashback nicht mehr.</translation>
    </message>
    <message>
        <source>It may have been deleted. Go back to the list and start a new conversation.</source>
        <translation>Sie wurde möglicherweise gelöscht. Gehen Sie zurück zur Liste und beginnen Sie eine neue Unterhaltung.</translation>
    </message>
    <message>
        <source>This server does not offer what the app asked for.</source>
        <translation>Dieser Server bietet nicht an, was die App angefragt hat.</translation>
    </message>
    <message>
        <source>Check that the app is set to the right Flashback server, or ask your IT department which server to use.</source>
        <translation>Prüfen Sie, ob die App den richtigen Flashback-Server verwendet, oder fragen Sie Ihre IT-Abteilung, welchen Server Sie verwenden sollen.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy blocked this prompt.</source>
        <translation>Die Richtlinie Ihrer Organisation hat diese Anfrage blockiert.</translation>
    </message>
    <message>
        <source>Your text is still in the box: change it and send it again, or ask your Flashback administrator about the policy.</source>
        <translation>Ihr Text steht noch im Feld: Ändern Sie ihn und senden Sie ihn erneut, oder fragen Sie Ihren Flashback-Administrator nach der Richtlinie.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy blocked this prompt: {reason}</source>
        <translation>Die Richtlinie Ihrer Organisation hat diese Anfrage blockiert: {reason}</translation>
    </message>
    <message>
        <source>This repository has no AI model, so it cannot answer prompts.</source>
        <translation>Für dieses Repository ist kein KI-Modell eingerichtet, daher kann es keine Anfragen beantworten.</translation>
    </message>
    <message>
        <source>Ask your Flashback administrator to connect an AI model to this repository.</source>
        <translation>Bitten Sie Ihren Flashback-Administrator, diesem Repository ein KI-Modell zuzuordnen.</translation>
    </message>
    <message>
        <source>Flashback is receiving too many requests right now.</source>
        <translation>Flashback erhält gerade zu viele Anfragen.</translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation>Warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Flashback had a problem on its side.</source>
        <translation>Bei Flashback ist ein Problem aufgetreten.</translation>
    </message>
    <message>
        <source>Try again in a few minutes. If it keeps happening, contact support.</source>
        <translation>Versuchen Sie es in ein paar Minuten erneut. Wenn das Problem bleibt, wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>Flashback can&apos;t be reached from this computer.</source>
        <translation>Flashback ist von diesem Computer aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>Check your internet or VPN connection, then try again.</source>
        <translation>Prüfen Sie Ihre Internet- oder VPN-Verbindung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Flashback took too long to answer.</source>
        <translation>Flashback hat zu lange für die Antwort gebraucht.</translation>
    </message>
    <message>
        <source>Check your connection and try again in a moment.</source>
        <translation>Prüfen Sie Ihre Verbindung und versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The connection to Flashback could not be verified as secure.</source>
        <translation>Die Verbindung zu Flashback konnte nicht als sicher bestätigt werden.</translation>
    </message>
    <message>
        <source>Do not continue on this network. Contact your IT support: the server&apos;s certificate is not trusted by this computer.</source>
        <translation>Arbeiten Sie in diesem Netzwerk nicht weiter. Wenden Sie sich an Ihren IT-Support: Dieser Computer vertraut dem Zertifikat des Servers nicht.</translation>
    </message>
    <message>
        <source>Flashback sent an answer the app could not understand.</source>
        <translation>Flashback hat eine Antwort gesendet, die die App nicht verstehen konnte.</translation>
    </message>
    <message>
        <source>Try again in a moment. If it keeps happening, contact support.</source>
        <translation>Versuchen Sie es gleich noch einmal. Wenn das Problem bleibt, wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>Flashback sent far more data than expected, so the app stopped reading it.</source>
        <translation>Flashback hat weit mehr Daten gesendet als erwartet, deshalb hat die App das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>Try again later. If it keeps happening, contact support.</source>
        <translation>Versuchen Sie es später erneut. Wenn das Problem bleibt, wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>The app refused to send your sign-in over an unprotected connection.</source>
        <translation>Die App hat sich geweigert, Ihre Anmeldung über eine ungeschützte Verbindung zu senden.</translation>
    </message>
    <message>
        <source>Ask your IT department for the server&apos;s https:// address.</source>
        <translation>Fragen Sie Ihre IT-Abteilung nach der https://-Adresse des Servers.</translation>
    </message>
    <message>
        <source>The connection to Flashback dropped before it answered.</source>
        <translation>Die Verbindung zu Flashback ist abgebrochen, bevor eine Antwort kam.</translation>
    </message>
    <message>
        <source>Check your connection and try again.</source>
        <translation>Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The proxy on your network asks Flashback Desktop to sign in to it, which the app cannot do.</source>
        <translation>Der Proxy in Ihrem Netzwerk verlangt eine Anmeldung von Flashback Desktop, was die App nicht kann.</translation>
    </message>
    <message>
        <source>Ask your IT support to let Flashback Desktop reach Flashback without a proxy password (proxies that need NTLM, Kerberos or a password are not supported).</source>
        <translation>Bitten Sie Ihren IT-Support, Flashback Desktop den Zugriff auf Flashback ohne Proxy-Passwort zu erlauben (Proxys mit NTLM, Kerberos oder Passwort werden nicht unterstützt).</translation>
    </message>
    <message>
        <source>The Flashback server sent the app on to another address, which it does not follow so that your sign-in stays safe.</source>
        <translation>Der Flashback-Server hat die App an eine andere Adresse weitergeleitet. Die App folgt solchen Weiterleitungen nicht, damit Ihre Anmeldung sicher bleibt.</translation>
    </message>
    <message>
        <source>Ask your IT support whether the Flashback server&apos;s address has changed.</source>
        <translation>Fragen Sie Ihren IT-Support, ob sich die Adresse des Flashback-Servers geändert hat.</translation>
    </message>
    <message>
        <source>This token comes from a sign-in that has not finished two-step verification.</source>
        <translation>Dieses Token stammt aus einer Anmeldung, bei der die Bestätigung in zwei Schritten nicht abgeschlossen wurde.</translation>
    </message>
    <message>
        <source>Sign in with your email and password here instead, or finish two-step verification on the Flashback website before copying a token.</source>
        <translation>Melden Sie sich stattdessen hier mit E-Mail-Adresse und Passwort an, oder schließen Sie die Bestätigung in zwei Schritten auf der Flashback-Website ab, bevor Sie ein Token kopieren.</translation>
    </message>
    <message>
        <source>The saved sign-in could not be read, so you are signed out. Sign in again.</source>
        <translation>Die gespeicherte Anmeldung konnte nicht gelesen werden, deshalb sind Sie abgemeldet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This computer has no password store that Flashback Desktop can use, so your sign-in is kept only until you close Flashback Desktop.</source>
        <translation>Dieser Computer hat keinen Passwortspeicher, den Flashback Desktop nutzen kann. Ihre Anmeldung bleibt deshalb nur erhalten, bis Sie Flashback Desktop schließen.</translation>
    </message>
    <message>
        <source>You can keep working. To stay signed in next time, ask your IT support to set up a password store (keyring) on this computer.</source>
        <translation>Sie können weiterarbeiten. Damit Sie beim nächsten Mal angemeldet bleiben, bitten Sie Ihren IT-Support, auf diesem Computer einen Passwortspeicher (Schlüsselbund) einzurichten.</translation>
    </message>
    <message>
        <source>Your computer&apos;s password store stayed locked, so your sign-in is kept only until you close Flashback Desktop.</source>
        <translation>Der Passwortspeicher Ihres Computers blieb gesperrt. Ihre Anmeldung bleibt deshalb nur erhalten, bis Sie Flashback Desktop schließen.</translation>
    </message>
    <message>
        <source>You can keep working. Next time your computer asks to unlock its password store, enter your computer password instead of closing the request.</source>
        <translation>Sie können weiterarbeiten. Wenn Ihr Computer das nächste Mal darum bittet, den Passwortspeicher zu entsperren, geben Sie Ihr Computerpasswort ein, statt die Anfrage zu schließen.</translation>
    </message>
    <message>
        <source>Flashback Desktop was not allowed to use your computer&apos;s password store, so your sign-in is kept only until you close Flashback Desktop.</source>
        <translation>Flashback Desktop durfte den Passwortspeicher Ihres Computers nicht verwenden. Ihre Anmeldung bleibt deshalb nur erhalten, bis Sie Flashback Desktop schließen.</translation>
    </message>
    <message>
        <source>You can keep working. Next time your computer asks whether Flashback Desktop may use it, choose “Always Allow”. If it does not ask, contact your IT support.</source>
        <translation>Sie können weiterarbeiten. Wenn Ihr Computer das nächste Mal fragt, ob Flashback Desktop ihn verwenden darf, wählen Sie „Immer erlauben“. Wenn er nicht fragt, wenden Sie sich an Ihren IT-Support.</translation>
    </message>
    <message>
        <source>Your computer&apos;s password store could not read or save your sign-in, so it is kept only until you close Flashback Desktop.</source>
        <translation>Der Passwortspeicher Ihres Computers konnte Ihre Anmeldung nicht lesen oder speichern. Sie bleibt deshalb nur erhalten, bis Sie Flashback Desktop schließen.</translation>
    </message>
    <message>
        <source>You can keep working. If this happens every time you open Flashback Desktop, ask your IT support to check this computer&apos;s password store.</source>
        <translation>Sie können weiterarbeiten. Wenn das bei jedem Start von Flashback Desktop passiert, bitten Sie Ihren IT-Support, den Passwortspeicher dieses Computers zu prüfen.</translation>
    </message>
    <message>
        <source>Your sign-in is longer than this computer&apos;s password store can hold, so it is kept only until you close Flashback Desktop.</source>
        <translation>Ihre Anmeldedaten sind länger, als der Passwortspeicher dieses Computers aufnehmen kann. Sie bleiben deshalb nur erhalten, bis Sie Flashback Desktop schließen.</translation>
    </message>
    <message>
        <source>You can keep working, but you will need to sign in again next time. If this keeps happening, tell your IT support.</source>
        <translation>Sie können weiterarbeiten, müssen sich aber beim nächsten Mal erneut anmelden. Wenn das weiterhin passiert, informieren Sie Ihren IT-Support.</translation>
    </message>
    <message>
        <source>Flashback did not accept this token. Check that you copied all of it, or ask for a new one.</source>
        <translation>Flashback hat dieses Token nicht angenommen. Prüfen Sie, ob Sie es vollständig kopiert haben, oder fordern Sie ein neues an.</translation>
    </message>
    <message>
        <source>Flashback did not accept this sign-in. Please try again.</source>
        <translation>Flashback hat diese Anmeldung nicht angenommen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your account confirms sign-ins with an email link or a passkey, which need a web browser. Sign in on the Flashback website, copy an access token there, and paste it here.</source>
        <translation>Ihr Konto bestätigt Anmeldungen mit einem E-Mail-Link oder einem Passkey, wofür ein Webbrowser nötig ist. Melden Sie sich auf der Flashback-Website an, kopieren Sie dort ein Zugriffstoken und fügen Sie es hier ein.</translation>
    </message>
    <message>
        <source>Your account needs two-step verification, but none is set up yet. Set it up on the Flashback website, then sign in here again.</source>
        <translation>Ihr Konto erfordert eine Bestätigung in zwei Schritten, die aber noch nicht eingerichtet ist. Richten Sie sie auf der Flashback-Website ein und melden Sie sich dann hier erneut an.</translation>
    </message>
    <message>
        <source>Something answered at this address, but it is not a Flashback server.</source>
        <translation>Unter dieser Adresse hat etwas geantwortet, aber es ist kein Flashback-Server.</translation>
    </message>
    <message>
        <source>It answered without asking for a sign-in, which Flashback never does.</source>
        <translation>Es hat geantwortet, ohne eine Anmeldung zu verlangen – das tut Flashback nie.</translation>
    </message>
    <message>
        <source>Flashback answered at this address. After saving, sign in to it.</source>
        <translation>Flashback hat unter dieser Adresse geantwortet. Melden Sie sich nach dem Speichern dort an.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted by this computer, so the app will not use it. Ask your IT support to check the address or install their certificate.</source>
        <translation>Dieser Computer vertraut dem Zertifikat des Servers nicht, daher verwendet die App ihn nicht. Bitten Sie Ihren IT-Support, die Adresse zu prüfen oder das Zertifikat zu installieren.</translation>
    </message>
    <message>
        <source>The server answered, but reported a problem of its own. It may be Flashback having trouble: try again in a few minutes.</source>
        <translation>Der Server hat geantwortet, aber ein eigenes Problem gemeldet. Möglicherweise hat Flashback Schwierigkeiten: Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>Could not connect to this address.</source>
        <translation>Keine Verbindung zu dieser Adresse möglich.</translation>
    </message>
    <message>
        <source>This address sends the app on to another one. Use the Flashback server&apos;s own address, which your IT department can give you.</source>
        <translation>Diese Adresse leitet die App an eine andere weiter. Verwenden Sie die eigene Adresse des Flashback-Servers, die Ihnen Ihre IT-Abteilung nennen kann.</translation>
    </message>
    <message>
        <source>Check the address with your IT department.</source>
        <translation>Klären Sie die Adresse mit Ihrer IT-Abteilung.</translation>
    </message>
    <message>
        <source>The server address is empty.</source>
        <translation>Die Serveradresse ist leer.</translation>
    </message>
    <message>
        <source>“{address}” is not a web address. It should look like https://flashback.example.com.</source>
        <translation>„{address}“ ist keine Webadresse. Sie sollte so aussehen: https://flashback.example.com.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>Die Serveradresse darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The server address must not contain “?” or “#” parts.</source>
        <translation>Die Serveradresse darf keine Teile mit „?“ oder „#“ enthalten.</translation>
    </message>
    <message>
        <source>“{address}” uses plain http, which would send your sign-in unprotected. Use an https:// address.</source>
        <translation>„{address}“ verwendet unverschlüsseltes http, wodurch Ihre Anmeldung ungeschützt übertragen würde. Verwenden Sie eine https://-Adresse.</translation>
    </message>
    <message>
        <source>“{address}” has an invalid port number.</source>
        <translation>„{address}“ hat eine ungültige Portnummer.</translation>
    </message>
    <message>
        <source>The system-wide default server set in {file} is not usable: {problem}</source>
        <translation>Der in {file} festgelegte systemweite Standardserver ist nicht verwendbar: {problem}</translation>
    </message>
    <message>
        <source>The system-wide default server is not usable: {problem}</source>
        <translation>Der systemweite Standardserver ist nicht verwendbar: {problem}</translation>
    </message>
    <message>
        <source>(unnamed repository)</source>
        <translation>(Repository ohne Namen)</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Workspace manager</source>
        <translation>Arbeitsbereichsverwaltung</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
</context>
<context>
    <name>ModelChoice</name>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>AI model</source>
        <translation>KI-Modell</translation>
    </message>
    <message>
        <source>The model that answers</source>
        <translation>Das Modell, das antwortet</translation>
    </message>
</context>
<context>
    <name>NewConversation</name>
    <message>
        <source>Checking whether it was created…</source>
        <translation>Es wird geprüft, ob sie erstellt wurde…</translation>
    </message>
    <message>
        <source>The connection was interrupted, but Flashback did create this conversation.</source>
        <translation>Die Verbindung wurde unterbrochen, aber Flashback hat diese Unterhaltung erstellt.</translation>
    </message>
    <message>
        <source>Flashback may not have started a conversation for “{name}”.</source>
        <translation>Flashback hat für „{name}“ möglicherweise keine Unterhaltung begonnen.</translation>
    </message>
    <message>
        <source>{message} No new conversation has appeared in this repository.</source>
        <translation>{message} In diesem Repository ist keine neue Unterhaltung erschienen.</translation>
    </message>
    <message>
        <source>If Flashback is only slow, it may still appear: refresh in a minute and check before trying again, so you don&apos;t start it twice.</source>
        <translation>Wenn Flashback nur langsam ist, erscheint sie vielleicht noch: Aktualisieren Sie in einer Minute und prüfen Sie, bevor Sie es erneut versuchen, damit Sie sie nicht doppelt beginnen.</translation>
    </message>
    <message>
        <source>{message} The app could not check whether it was created.</source>
        <translation>{message} Die App konnte nicht prüfen, ob sie erstellt wurde.</translation>
    </message>
    <message>
        <source>Wait a moment and refresh before trying again, so you don&apos;t start it twice.</source>
        <translation>Warten Sie einen Moment und aktualisieren Sie, bevor Sie es erneut versuchen, damit Sie sie nicht doppelt beginnen.</translation>
    </message>
    <message>
        <source>Flashback couldn&apos;t start a conversation for “{name}”.</source>
        <translation>Flashback konnte für „{name}“ keine Unterhaltung beginnen.</translation>
    </message>
</context>
<context>
    <name>PromptSending</name>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht mehr warten</translation>
    </message>
    <message>
        <source>Stops waiting for Flashback&apos;s answer, then checks whether it has your prompt</source>
        <translation>Wartet nicht mehr auf die Antwort von Flashback und prüft dann, ob Flashback Ihre Frage hat</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Stopped waiting. Press Refresh later to see the reply.</source>
        <translation>Es wird nicht mehr gewartet. Drücken Sie später auf Aktualisieren, um die Antwort zu sehen.</translation>
    </message>
    <message>
        <source>Stopped waiting. Checking whether Flashback got your prompt…</source>
        <translation>Es wird nicht mehr gewartet. Es wird geprüft, ob Flashback Ihre Frage erhalten hat …</translation>
    </message>
    <message>
        <source>Stops waiting for the reply; Refresh shows it once it has come</source>
        <translation>Wartet nicht mehr auf die Antwort; Aktualisieren zeigt sie, sobald sie da ist</translation>
    </message>
    <message>
        <source>Waiting for the reply… (gives up in {seconds} s)</source>
        <translation>Warten auf die Antwort … (endet in {seconds} s)</translation>
    </message>
</context>
<context>
    <name>RepositoryList</name>
    <message>
        <source>&amp;Filter Repositories</source>
        <translation>Repositorys &amp;filtern</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Repositorys</translation>
    </message>
    <message>
        <source>The repositories you can reach. Arrow keys choose one; Enter or Ctrl+N starts a new conversation for it.</source>
        <translation>Die Repositorys, auf die Sie zugreifen können. Mit den Pfeiltasten wählen Sie eines aus; Eingabe oder Strg+N beginnt eine neue Unterhaltung dafür.</translation>
    </message>
    <message>
        <source>Loading repositories…</source>
        <translation>Repositorys werden geladen…</translation>
    </message>
    <message>
        <source>No repositories yet.
Repositories you can reach on Flashback will appear here.</source>
        <translation>Noch keine Repositorys.
Hier erscheinen die Repositorys in Flashback, auf die Sie zugreifen können.</translation>
    </message>
    <message>
        <source>No repositories match your filter.</source>
        <translation>Kein Repository passt zu Ihrem Filter.</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Filter löschen</translation>
    </message>
</context>
<context>
    <name>RepositoryLoader</name>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>RepositoryTableModel</name>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Disabled</source>
        <comment>repository status</comment>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>An administrator has disabled this repository.</source>
        <translation>Ein Administrator hat dieses Repository deaktiviert.</translation>
    </message>
    <message>
        <source>Flashback did not say whether an AI model is set up for this repository.</source>
        <translation>Flashback hat nicht mitgeteilt, ob für dieses Repository ein KI-Modell eingerichtet ist.</translation>
    </message>
    <message>
        <source>No AI model</source>
        <translation>Kein KI-Modell</translation>
    </message>
    <message>
        <source>Conversations can be started, but they can&apos;t answer until an administrator adds an AI model.</source>
        <translation>Unterhaltungen können begonnen werden, aber erst antworten, wenn ein Administrator ein KI-Modell hinzufügt.</translation>
    </message>
    <message>
        <source>An AI model is set up for this repository.</source>
        <translation>Für dieses Repository ist ein KI-Modell eingerichtet.</translation>
    </message>
    <message>
        <source>AI models: {names}</source>
        <translation>KI-Modelle: {names}</translation>
    </message>
    <message>
        <source>AI model: {name}</source>
        <translation>KI-Modell: {name}</translation>
    </message>
    <message>
        <source>Has an AI model</source>
        <translation>Mit KI-Modell</translation>
    </message>
    <message>
        <source>Whether an AI model is set up for the repository, or whether it is disabled. Empty when Flashback did not say.</source>
        <translation>Ob für das Repository ein KI-Modell eingerichtet ist oder ob es deaktiviert ist. Leer, wenn Flashback es nicht mitgeteilt hat.</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format: Qt&apos;s QDate::toString codes</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <comment>a day and a time of day, e.g. 4 Dec 2026 14:07</comment>
        <translation>{date} {time}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — Flashback Desktop</source>
        <translation>Einstellungen — Flashback Desktop</translation>
    </message>
    <message>
        <source>Keeps these settings for your account</source>
        <translation>Speichert diese Einstellungen für Ihr Konto</translation>
    </message>
    <message>
        <source>Flashback server</source>
        <translation>Flashback-Server</translation>
    </message>
    <message>
        <source>Your &amp;organisation&apos;s default ({server})</source>
        <translation>Standard Ihrer &amp;Organisation ({server})</translation>
    </message>
    <message>
        <source>&amp;Production ({server})</source>
        <translation>&amp;Produktion ({server})</translation>
    </message>
    <message>
        <source>C&amp;ustom:</source>
        <translation>&amp;Benutzerdefiniert:</translation>
    </message>
    <message>
        <source>Custom server address</source>
        <translation>Eigene Serveradresse</translation>
    </message>
    <message>
        <source>The https:// address of the Flashback server your IT department gave you</source>
        <translation>Die https://-Adresse des Flashback-Servers, die Ihnen Ihre IT-Abteilung gegeben hat</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Checks that a Flashback server answers at this address, without signing in</source>
        <translation>Prüft, ob unter dieser Adresse ein Flashback-Server antwortet, ohne sich anzumelden</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language Flashback Desktop speaks from its next start</source>
        <translation>Die Sprache von Flashback Desktop ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>A new language takes effect after restarting Flashback Desktop.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart von Flashback Desktop.</translation>
    </message>
    <message>
        <source>&amp;Show the app in:</source>
        <translation>&amp;Anzeigesprache:</translation>
    </message>
    <message>
        <source>The demo is running. The server chosen here is used when you start Flashback Desktop without --demo.</source>
        <translation>Die Demo läuft. Der hier gewählte Server wird verwendet, wenn Sie Flashback Desktop ohne --demo starten.</translation>
    </message>
    <message>
        <source>In use now: {server}.</source>
        <translation>Derzeit verwendet: {server}.</translation>
    </message>
    <message>
        <source>It is set by the --server option on this computer, which comes before this setting; ask your IT department to change it.</source>
        <translation>Er wird auf diesem Computer durch die Option --server festgelegt, die Vorrang vor dieser Einstellung hat; bitten Sie Ihre IT-Abteilung, ihn zu ändern.</translation>
    </message>
    <message>
        <source>It is set by {variable} on this computer, which comes before this setting; ask your IT department to change it.</source>
        <translation>Er wird auf diesem Computer durch {variable} festgelegt, das Vorrang vor dieser Einstellung hat; bitten Sie Ihre IT-Abteilung, ihn zu ändern.</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, for example https://flashback.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, zum Beispiel https://flashback.example.com.</translation>
    </message>
    <message>
        <source>Checking {server}…</source>
        <translation>{server} wird geprüft…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Flashback</source>
        <translation>Bei Flashback anmelden</translation>
    </message>
    <message>
        <source>Sign in to &lt;b&gt;{server}&lt;/b&gt;.</source>
        <translation>Bei &lt;b&gt;{server}&lt;/b&gt; anmelden.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Closes without signing in</source>
        <translation>Schließt, ohne anzumelden</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>The email address of your Flashback account</source>
        <translation>Die E-Mail-Adresse Ihres Flashback-Kontos</translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation>name@firma.de</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Your Flashback password; it is not kept on this computer</source>
        <translation>Ihr Flashback-Passwort; es wird nicht auf diesem Computer gespeichert</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Demo account: &lt;b&gt;{email}&lt;/b&gt;&lt;br&gt;Demo password: &lt;b&gt;{password}&lt;/b&gt;</source>
        <translation>Demokonto: &lt;b&gt;{email}&lt;/b&gt;&lt;br&gt;Demopasswort: &lt;b&gt;{password}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Use an &amp;access token instead</source>
        <translation>Stattdessen ein &amp;Zugriffstoken verwenden</translation>
    </message>
    <message>
        <source>For accounts that sign in through Google, GitHub or Microsoft</source>
        <translation>Für Konten, die sich über Google, GitHub oder Microsoft anmelden</translation>
    </message>
    <message>
        <source>Paste the access token you copied from the Flashback website. It is kept in this computer&apos;s password store, not in a file.</source>
        <translation>Fügen Sie das Zugriffstoken ein, das Sie auf der Flashback-Website kopiert haben. Es wird im Passwortspeicher dieses Computers aufbewahrt, nicht in einer Datei.</translation>
    </message>
    <message>
        <source>Paste the access token you copied from the Flashback website. No password store can be used here, so it is kept only until you close Flashback Desktop, never in a file: next time, paste it again.</source>
        <translation>Fügen Sie das Zugriffstoken ein, das Sie auf der Flashback-Website kopiert haben. Hier lässt sich kein Passwortspeicher verwenden, daher wird es nur bis zum Schließen von Flashback Desktop aufbewahrt, nie in einer Datei: Fügen Sie es beim nächsten Mal erneut ein.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Use &amp;email and password instead</source>
        <translation>Stattdessen &amp;E-Mail-Adresse und Passwort verwenden</translation>
    </message>
    <message>
        <source>Back to signing in with your email address and password</source>
        <translation>Zurück zur Anmeldung mit E-Mail-Adresse und Passwort</translation>
    </message>
    <message>
        <source>Your account asks for a second step. Open your authenticator app and type the {count}-digit code it shows for Flashback.</source>
        <translation>Ihr Konto verlangt einen zweiten Schritt. Öffnen Sie Ihre Authenticator-App und geben Sie den {count}-stelligen Code ein, den sie für Flashback anzeigt.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Bestätigungscode</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>&amp;Neu beginnen</translation>
    </message>
    <message>
        <source>Back to your email address and password</source>
        <translation>Zurück zu E-Mail-Adresse und Passwort</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>StartupErrorDialog</name>
    <message>
        <source>Flashback Desktop cannot start</source>
        <translation>Flashback Desktop kann nicht starten</translation>
    </message>
    <message>
        <source>Flashback Desktop cannot start with this server address.</source>
        <translation>Flashback Desktop kann mit dieser Serveradresse nicht starten.</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Flashback Desktop — User guide</source>
        <translation>Flashback Desktop — Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Start a new AI conversation for the selected repository</source>
        <translation>Eine neue KI-Unterhaltung für das ausgewählte Repository beginnen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ak&amp;tualisieren</translation>
    </message>
    <message>
        <source>Load the repository list again (F5)</source>
        <translation>Die Liste der Repositorys neu laden (F5)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Sign out of Flashback on this computer</source>
        <translation>Auf diesem Computer von Flashback abmelden</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign in to Flashback</source>
        <translation>Bei Flashback anmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Copy Conversation ID</source>
        <translation>Unterhaltungs-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>B&amp;earbeiten</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
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
        <translation>Starlette (servidor de demostración)</translation>
    </message>
    <message>
        <source>Uvicorn (demo server)</source>
        <translation>Uvicorn (servidor de demostración)</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Acerca de {app}</translation>
    </message>
    <message>
        <source>&amp;Open-source components included, with their licences:</source>
        <translation>C&amp;omponentes de código abierto incluidos, con sus licencias:</translation>
    </message>
    <message>
        <source>{app} icon</source>
        <translation>Icono de {app}</translation>
    </message>
    <message>
        <source>{app} version {version}</source>
        <translation>{app}, versión {version}</translation>
    </message>
    <message>
        <source>Your Flashback repositories and AI conversations on the desktop.</source>
        <translation>Sus repositorios de Flashback y sus conversaciones con la IA, en el escritorio.</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Servidor: {server}</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>Componentes incluidos y sus licencias</translation>
    </message>
    <message>
        <source>Each open-source component the app includes, its version and its licence</source>
        <translation>Cada componente de código abierto que incluye la aplicación, con su versión y su licencia</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Your sign-in has expired.</source>
        <translation>Su sesión ha caducado.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <source>Organisation role: {role}</source>
        <translation>Función en la organización: {role}</translation>
    </message>
    <message>
        <source>Signed in as {who}</source>
        <translation>Sesión iniciada como {who}</translation>
    </message>
    <message>
        <source>You are signed out on this computer, but Flashback could not be told, so that sign-in stays valid on the server until it expires.</source>
        <translation>Ha cerrado la sesión en este equipo, pero no se ha podido avisar a Flashback, así que esa sesión sigue siendo válida en el servidor hasta que caduque.</translation>
    </message>
    <message>
        <source>You are signed out, but your sign-in could not be removed from this computer&apos;s password store.</source>
        <translation>Ha cerrado la sesión, pero no se ha podido eliminar del almacén de contraseñas de este equipo.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>built-in demo server</source>
        <translation>servidor de demostración integrado</translation>
    </message>
</context>
<context>
    <name>AppMenus</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
    <message>
        <source>Choose the Flashback server and the language</source>
        <translation>Elegir el servidor de Flashback y el idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <source>&amp;About Flashback Desktop</source>
        <translation>&amp;Acerca de Flashback Desktop</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>The user guide could not be opened.</source>
        <translation>No se ha podido abrir la guía de uso.</translation>
    </message>
    <message>
        <source>This installation of Flashback Desktop does not include it.</source>
        <translation>Esta instalación de Flashback Desktop no la incluye.</translation>
    </message>
    <message>
        <source>Ask your IT support for the user guide.</source>
        <translation>Pida la guía del usuario a su soporte informático.</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Acerca de Qt</translation>
    </message>
    <message>
        <source>Flashback Desktop uses Qt {qt} through Qt for Python (PySide6) {pyside}.</source>
        <translation>Flashback Desktop usa Qt {qt} a través de Qt for Python (PySide6) {pyside}.</translation>
    </message>
    <message>
        <source>Qt is a toolkit for building applications, developed by The Qt Company and the Qt Project. The app uses it under the GNU Lesser General Public License version 3 (LGPLv3). See {licensing} and {site}.</source>
        <translation>Qt es un conjunto de herramientas para crear aplicaciones, desarrollado por The Qt Company y el Qt Project. La aplicación lo usa bajo la Licencia Pública General Reducida de GNU, versión 3 (LGPLv3). Consulte {licensing} y {site}.</translation>
    </message>
    <message>
        <source>Your new settings are saved.</source>
        <translation>Su nueva configuración está guardada.</translation>
    </message>
    <message>
        <source>Close Flashback Desktop and open it again to use them.</source>
        <translation>Cierre Flashback Desktop y vuelva a abrirlo para usarla.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Reiniciar ahora</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Más &amp;tarde</translation>
    </message>
    <message>
        <source>Flashback Desktop could not restart by itself.</source>
        <translation>Flashback Desktop no ha podido reiniciarse por sí solo.</translation>
    </message>
    <message>
        <source>Restart Flashback Desktop to use the new server and language?</source>
        <translation>¿Reiniciar Flashback Desktop para usar el nuevo servidor y el nuevo idioma?</translation>
    </message>
    <message>
        <source>Restart Flashback Desktop to show it in {language}?</source>
        <translation>¿Reiniciar Flashback Desktop para mostrarlo en {language}?</translation>
    </message>
    <message>
        <source>Restart Flashback Desktop to use the new server?</source>
        <translation>¿Reiniciar Flashback Desktop para usar el nuevo servidor?</translation>
    </message>
    <message>
        <source>New server: {server}</source>
        <translation>Nuevo servidor: {server}</translation>
    </message>
    <message>
        <source>New language: {language}</source>
        <translation>Nuevo idioma: {language}</translation>
    </message>
    <message>
        <source>Each server has its own sign-in, so you may be asked to sign in to it. Otherwise the new server is used from the next start.</source>
        <translation>Cada servidor tiene su propio inicio de sesión, así que es posible que se le pida iniciar sesión en él. Si no reinicia ahora, el nuevo servidor se usará a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>Otherwise the new language is used from the next start.</source>
        <translation>Si no, el nuevo idioma se usará a partir del próximo inicio.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Tries to reach Flashback again without waiting</source>
        <translation>Vuelve a intentar conectar con Flashback sin esperar</translation>
    </message>
    <message>
        <source>{reason} Trying again now…</source>
        <translation>{reason} Reintentando ahora…</translation>
    </message>
    <message>
        <source>{reason} Retrying in {seconds} s.</source>
        <translation>{reason} Nuevo intento en {seconds} s.</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <source>Select a repository to start a conversation.</source>
        <translation>Seleccione un repositorio para iniciar una conversación.</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Nueva conversación</translation>
    </message>
    <message>
        <source>Start a new AI conversation for the selected repository (Ctrl+N)</source>
        <translation>Iniciar una nueva conversación con la IA para el repositorio seleccionado (Ctrl+N)</translation>
    </message>
    <message>
        <source>New Conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <source>Starts a new AI conversation for the selected repository</source>
        <translation>Inicia una nueva conversación con la IA para el repositorio seleccionado</translation>
    </message>
    <message>
        <source>✓ Conversation created:</source>
        <translation>✓ Conversación creada:</translation>
    </message>
    <message>
        <source>New conversation ID</source>
        <translation>ID de la nueva conversación</translation>
    </message>
    <message>
        <source>The ID of the conversation just created; Ctrl+C copies it</source>
        <translation>El ID de la conversación que se acaba de crear; Ctrl+C lo copia</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the conversation ID</source>
        <translation>Copiar el ID de la conversación</translation>
    </message>
    <message>
        <source>Copy conversation ID</source>
        <translation>Copiar ID de la conversación</translation>
    </message>
    <message>
        <source>Copies the new conversation&apos;s ID to the clipboard</source>
        <translation>Copia el ID de la nueva conversación al portapapeles</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Abrir conversación</translation>
    </message>
    <message>
        <source>Opens the new conversation to talk in it (Enter on the ID)</source>
        <translation>Abre la nueva conversación para hablar en ella (Intro sobre el ID)</translation>
    </message>
    <message>
        <source>Conversation ID copied.</source>
        <translation>ID de la conversación copiado.</translation>
    </message>
    <message>
        <source>This repository has no AI model yet: a conversation can be started, but it won&apos;t be able to answer until an administrator adds a model.</source>
        <translation>Este repositorio todavía no tiene ningún modelo de IA: puede iniciar una conversación, pero no podrá responder hasta que un administrador añada un modelo.</translation>
    </message>
    <message>
        <source>An administrator has disabled this repository. Ask them to enable it again if you need it.</source>
        <translation>Un administrador ha desactivado este repositorio. Si lo necesita, pídale que lo vuelva a activar.</translation>
    </message>
    <message>
        <source>A conversation is a chat with an AI model about the files in this repository. Its ID is the code that names it: copy it to open or mention this conversation elsewhere.</source>
        <translation>Una conversación es un chat con un modelo de IA sobre los archivos de este repositorio. Su ID es el código que la identifica: cópielo para abrir o mencionar esta conversación en otro lugar.</translation>
    </message>
    <message>
        <source>Starting conversation…</source>
        <translation>Iniciando la conversación…</translation>
    </message>
    <message>
        <source>Conversation created. Its ID is {id}.</source>
        <translation>Conversación creada. Su ID es {id}.</translation>
    </message>
</context>
<context>
    <name>ConversationWindow</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>The conversation&apos;s messages, oldest first. Ctrl+C copies the selected one; Enter shows it on its own, to select part of it.</source>
        <translation>Los mensajes de la conversación, los más antiguos primero. Ctrl+C copia el seleccionado; Intro lo muestra aparte, para seleccionar una parte.</translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation>&amp;Copiar mensaje</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copiar mensaje</translation>
    </message>
    <message>
        <source>Copies the whole text of the selected message</source>
        <translation>Copia el texto completo del mensaje seleccionado</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Refresh messages</source>
        <translation>Actualizar mensajes</translation>
    </message>
    <message>
        <source>Reads this conversation&apos;s messages again (F5)</source>
        <translation>Vuelve a leer los mensajes de esta conversación (F5)</translation>
    </message>
    <message>
        <source>This repository has no AI model, so it cannot answer prompts. Ask your Flashback administrator to connect an AI model to it.</source>
        <translation>Este repositorio no tiene modelo de IA, así que no puede responder a las preguntas. Pida a su administrador de Flashback que le conecte un modelo de IA.</translation>
    </message>
    <message>
        <source>Ask about this repository… (Ctrl+Enter sends)</source>
        <translation>Pregunte sobre este repositorio… (Ctrl+Intro envía)</translation>
    </message>
    <message>
        <source>Your prompt</source>
        <translation>Su pregunta</translation>
    </message>
    <message>
        <source>Type your question; Ctrl+Enter sends it</source>
        <translation>Escriba su pregunta; Ctrl+Intro la envía</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Sends your prompt (Ctrl+Enter)</source>
        <translation>Envía su pregunta (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Dejar de esperar</translation>
    </message>
    <message>
        <source>Stops waiting for the reply; Refresh shows it once it has come</source>
        <translation>Deja de esperar la respuesta; Actualizar la muestra cuando haya llegado</translation>
    </message>
    <message>
        <source>No messages yet. Type your question below; Ctrl+Enter sends it.</source>
        <translation>Aún no hay mensajes. Escriba su pregunta abajo; Ctrl+Intro la envía.</translation>
    </message>
    <message>
        <source>New reply from the assistant.</source>
        <translation>Nueva respuesta del asistente.</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Conversación nueva</translation>
    </message>
    <message>
        <source>{title} — Flashback Desktop</source>
        <translation>{title} — Flashback Desktop</translation>
    </message>
    <message>
        <source>Flashback did not confirm your prompt, and the app could not check whether it arrived. Your text is still in the box. Press Refresh to see whether it is in the conversation before you send it again.</source>
        <translation>Flashback no confirmó su pregunta y la aplicación no pudo comprobar si llegó. Su texto sigue en el cuadro. Pulse Actualizar para ver si está en la conversación antes de volver a enviarla.</translation>
    </message>
    <message>
        <source>You stopped waiting, but Flashback has your prompt: it was sent once. Press Refresh later to see the reply.</source>
        <translation>Dejó de esperar, pero Flashback tiene su pregunta: se envió una vez. Pulse Actualizar más tarde para ver la respuesta.</translation>
    </message>
    <message>
        <source>You stopped waiting, and the app could not check whether Flashback got your prompt. Your text is still in the box. Press Refresh to see whether it is in the conversation before you send it again.</source>
        <translation>Dejó de esperar y la aplicación no pudo comprobar si Flashback recibió su pregunta. Su texto sigue en el cuadro. Pulse Actualizar para ver si está en la conversación antes de enviarla de nuevo.</translation>
    </message>
    <message>
        <source>No reply yet. The assistant may still answer: press Refresh to look again.</source>
        <translation>Todavía no hay respuesta. El asistente aún puede responder: pulse Actualizar para volver a mirar.</translation>
    </message>
    <message>
        <source>{problem} Your text is still in the box; nothing was lost.</source>
        <translation>{problem} Su texto sigue en el cuadro; no se ha perdido nada.</translation>
    </message>
    <message>
        <source>{problem} All the same, Flashback has your prompt: it was sent once. Waiting for the reply.</source>
        <translation>{problem} Aun así, Flashback tiene su pregunta: se envió una vez. Esperando la respuesta.</translation>
    </message>
    <message>
        <source>{problem} Flashback does not have your prompt, so it was not sent. Your text is still in the box: press Send when you are ready.</source>
        <translation>{problem} Flashback no tiene su pregunta, así que no se envió. Su texto sigue en el cuadro: pulse Enviar cuando esté listo.</translation>
    </message>
    <message>
        <source>You stopped waiting. Your prompt is not in the conversation yet, but it may still arrive. Your text is still in the box. Press Refresh in a moment to see whether it is in the conversation before you send it again.</source>
        <translation>Dejó de esperar. Su pregunta aún no está en la conversación, pero puede que todavía llegue. Su texto sigue en el cuadro. Pulse Actualizar dentro de un momento para ver si está en la conversación antes de enviarla de nuevo.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again, then press Send: your text is still in the box.</source>
        <translation>Su sesión ha caducado. Vuelva a iniciar sesión y pulse Enviar: su texto sigue en el cuadro.</translation>
    </message>
    <message>
        <source>Message copied.</source>
        <translation>Mensaje copiado.</translation>
    </message>
</context>
<context>
    <name>CopyConversationId</name>
    <message>
        <source>Conversation ID copied.</source>
        <translation>ID de la conversación copiado.</translation>
    </message>
</context>
<context>
    <name>CopyFeedback</name>
    <message>
        <source>✓ Copied</source>
        <translation>✓ Copiado</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>The app&apos;s log is at: {path}</source>
        <translation>El registro de la aplicación está en: {path}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong in Flashback Desktop.</source>
        <translation>Se ha producido un error inesperado en Flashback Desktop.</translation>
    </message>
    <message>
        <source>The app ran into a problem it did not expect. Your data on Flashback is safe.</source>
        <translation>La aplicación ha encontrado un problema que no esperaba. Sus datos en Flashback están a salvo.</translation>
    </message>
    <message>
        <source>You can keep working. If this happens again, copy the details and send them to your IT support.</source>
        <translation>Puede seguir trabajando. Si vuelve a ocurrir, copie los detalles y envíelos a su servicio de soporte informático.</translation>
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
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Technical details for your IT support</source>
        <translation>Detalles técnicos para su servicio de soporte informático</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Mostrar &amp;detalles</translation>
    </message>
    <message>
        <source>Shows the technical details for your IT support</source>
        <translation>Muestra los detalles técnicos para su servicio de soporte informático</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
    <message>
        <source>Copies the technical details, to paste into a message to IT support</source>
        <translation>Copia los detalles técnicos para pegarlos en un mensaje al soporte informático</translation>
    </message>
    <message>
        <source>Details copied.</source>
        <translation>Detalles copiados.</translation>
    </message>
    <message>
        <source>… (shortened; Copy details copies all of it)</source>
        <translation>… (acortado; «Copiar detalles» lo copia todo)</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>Ocultar &amp;detalles</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter repositories…</source>
        <translation>Filtrar repositorios…</translation>
    </message>
    <message>
        <source>Filter repositories</source>
        <translation>Filtrar repositorios</translation>
    </message>
    <message>
        <source>Shows repositories whose name or workspace contains the text; Down arrow goes to the list</source>
        <translation>Muestra los repositorios cuyo nombre o espacio de trabajo contiene el texto; la flecha abajo lleva a la lista</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
    <message>
        <source>Shows the repositories of one workspace, or of all of them</source>
        <translation>Muestra los repositorios de un espacio de trabajo o de todos</translation>
    </message>
    <message>
        <source>All workspaces</source>
        <translation>Todos los espacios de trabajo</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Recent conversations</source>
        <translation>Conversaciones recientes</translation>
    </message>
    <message>
        <source>Conversations of the selected repository, newest first. Ctrl+C copies the selected conversation&apos;s ID; Delete deletes it.</source>
        <translation>Conversaciones del repositorio seleccionado, de la más reciente a la más antigua. Ctrl+C copia el ID de la conversación seleccionada; Supr la elimina.</translation>
    </message>
    <message>
        <source>&amp;Copy ID</source>
        <translation>&amp;Copiar ID</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Volver a intentar</translation>
    </message>
    <message>
        <source>Try loading the conversations again</source>
        <translation>Volver a cargar las conversaciones</translation>
    </message>
    <message>
        <source>Asks Flashback for this repository&apos;s conversations again</source>
        <translation>Vuelve a pedir a Flashback las conversaciones de este repositorio</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>Cargar &amp;más</translation>
    </message>
    <message>
        <source>Show older conversations</source>
        <translation>Mostrar conversaciones más antiguas</translation>
    </message>
    <message>
        <source>Load more conversations</source>
        <translation>Cargar más conversaciones</translation>
    </message>
    <message>
        <source>Cop&amp;y ID</source>
        <translation>Copia&amp;r ID</translation>
    </message>
    <message>
        <source>Copy the selected conversation&apos;s ID (Ctrl+C in the list)</source>
        <translation>Copiar el ID de la conversación seleccionada (Ctrl+C en la lista)</translation>
    </message>
    <message>
        <source>Copy the selected conversation&apos;s ID</source>
        <translation>Copiar el ID de la conversación seleccionada</translation>
    </message>
    <message>
        <source>Copies the ID of the conversation selected in the list</source>
        <translation>Copia el ID de la conversación seleccionada en la lista</translation>
    </message>
    <message>
        <source>Delete the selected conversation (Delete in the list)</source>
        <translation>Eliminar la conversación seleccionada (Supr en la lista)</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Eliminar conversación</translation>
    </message>
    <message>
        <source>Deletes the selected conversation after asking you</source>
        <translation>Elimina la conversación seleccionada después de pedirle confirmación</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>Abr&amp;ir</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Abrir conversación</translation>
    </message>
    <message>
        <source>Opens the selected conversation (Enter or double-click in the list)</source>
        <translation>Abre la conversación seleccionada (Intro o doble clic en la lista)</translation>
    </message>
    <message>
        <source>Loading conversations…</source>
        <translation>Cargando conversaciones…</translation>
    </message>
    <message>
        <source>Conversations could not be loaded. {message}
{action}</source>
        <translation>No se han podido cargar las conversaciones. {message}
{action}</translation>
    </message>
    <message>
        <source>Older conversations could not be loaded. {message}</source>
        <translation>No se han podido cargar las conversaciones más antiguas. {message}</translation>
    </message>
    <message>
        <source>Conversation ID copied.</source>
        <translation>ID de la conversación copiado.</translation>
    </message>
    <message>
        <source>Delete the conversation {name}?</source>
        <translation>¿Eliminar la conversación {name}?</translation>
    </message>
    <message>
        <source>It will no longer appear in the list of conversations.</source>
        <translation>Dejará de aparecer en la lista de conversaciones.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>That conversation had already been deleted.</source>
        <translation>Esa conversación ya se había eliminado.</translation>
    </message>
    <message>
        <source>Flashback couldn&apos;t delete the conversation {name}.</source>
        <translation>Flashback no ha podido eliminar la conversación {name}.</translation>
    </message>
    <message>
        <source>Deleted the conversation {name}.</source>
        <translation>Se ha eliminado la conversación {name}.</translation>
    </message>
    <message>
        <source>Select a repository to see its recent conversations.</source>
        <translation>Seleccione un repositorio para ver sus conversaciones recientes.</translation>
    </message>
    <message>
        <source>No conversations yet.
Start one with New Conversation.</source>
        <translation>Todavía no hay conversaciones.
Inicie una con Nueva conversación.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <comment>conversations shown of all</comment>
        <translation>{shown} de {total}</translation>
    </message>
    <message>
        <source>{shown} of {total} conversations shown</source>
        <translation>Se muestran {shown} de {total} conversaciones</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Iniciada por</translation>
    </message>
    <message>
        <source>Sent to AI</source>
        <translation>Enviado a la IA</translation>
    </message>
    <message>
        <source>AI replies</source>
        <translation>Respuestas de la IA</translation>
    </message>
    <message>
        <source>How much text was sent to the AI model, counted in tokens (pieces of words)</source>
        <translation>Cuánto texto se envió al modelo de IA, contado en tokens (fragmentos de palabras)</translation>
    </message>
    <message>
        <source>How much text the AI model wrote back, counted in tokens (pieces of words)</source>
        <translation>Cuánto texto respondió el modelo de IA, contado en tokens (fragmentos de palabras)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <comment>a conversation&apos;s title, quoted</comment>
        <translation>«{title}»</translation>
    </message>
    <message>
        <source>started {when}</source>
        <comment>a conversation without a title</comment>
        <translation>iniciada el {when}</translation>
    </message>
    <message>
        <source>Conversation ID {id}</source>
        <translation>ID de la conversación: {id}</translation>
    </message>
    <message>
        <source>No title yet</source>
        <translation>Todavía sin título</translation>
    </message>
    <message>
        <source>{count} tokens sent to the AI model</source>
        <translation>{count} tokens enviados al modelo de IA</translation>
    </message>
    <message>
        <source>{count} tokens received from the AI model</source>
        <translation>{count} tokens recibidos del modelo de IA</translation>
    </message>
    <message>
        <source>Unknown time</source>
        <translation>Hora desconocida</translation>
    </message>
    <message>
        <source>You</source>
        <comment>who started a conversation: the person signed in</comment>
        <translation>Usted</translation>
    </message>
    <message>
        <source>You started this conversation</source>
        <translation>Usted inició esta conversación</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <source>User ID {id}</source>
        <translation>ID de usuario: {id}</translation>
    </message>
    <message>
        <source>Creator not known</source>
        <translation>Se desconoce quién la inició</translation>
    </message>
</context>
<context>
    <name>MainContent</name>
    <message>
        <source>Connecting to Flashback…</source>
        <translation>Conectando con Flashback…</translation>
    </message>
    <message>
        <source>Demo mode: {server}</source>
        <translation>Modo de demostración: {server}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>Servidor: {server}</translation>
    </message>
    <message>
        <source>Your sign-in has expired.</source>
        <translation>Su sesión ha caducado.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again and Flashback Desktop will carry on where you left off.</source>
        <translation>Su sesión ha caducado. Vuelva a iniciar sesión y Flashback Desktop continuará donde lo dejó.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>No ha iniciado sesión.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Flashback Desktop — Demo</source>
        <translation>Flashback Desktop — Demostración</translation>
    </message>
    <message>
        <source>Flashback Desktop</source>
        <translation>Flashback Desktop</translation>
    </message>
    <message>
        <source>Starting Flashback Desktop…</source>
        <translation>Iniciando Flashback Desktop…</translation>
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
        <translation>Usted</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>{author} · {when}</source>
        <comment>who wrote a message, and when</comment>
        <translation>{author} · {when}</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <comment>a message&apos;s size</comment>
        <translation>{count} tokens</translation>
    </message>
</context>
<context>
    <name>MessageReader</name>
    <message>
        <source>The whole message; select any part to copy it</source>
        <translation>El mensaje completo; seleccione cualquier parte para copiarla</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This Flashback server does not offer conversations.</source>
        <translation>Este servidor de Flashback no ofrece conversaciones.</translation>
    </message>
    <message>
        <source>Conversations are only available on some Flashback servers. Ask your IT department which server to use.</source>
        <translation>Las conversaciones solo están disponibles en algunos servidores de Flashback. Pregunte a su departamento de informática qué servidor debe usar.</translation>
    </message>
    <message>
        <source>This repository no longer exists on Flashback.</source>
        <translation>Este repositorio ya no existe en Flashback.</translation>
    </message>
    <message>
        <source>The repository list has been refreshed. Pick another repository.</source>
        <translation>Se ha actualizado la lista de repositorios. Elija otro repositorio.</translation>
    </message>
    <message>
        <source>This Flashback server does not offer talking in conversations.</source>
        <translation>Este servidor de Flashback no permite escribir en las conversaciones.</translation>
    </message>
    <message>
        <source>Sending prompts is only available on some Flashback servers. Ask your IT department which server to use.</source>
        <translation>El envío de preguntas solo está disponible en algunos servidores de Flashback. Pregunte a su departamento de informática qué servidor debe usar.</translation>
    </message>
    <message>
        <source>Flashback did not let you write in this conversation.</source>
        <translation>Flashback no le ha permitido escribir en esta conversación.</translation>
    </message>
    <message>
        <source>Only the person who started a conversation can write in it. Start a new conversation.</source>
        <translation>Solo la persona que inició una conversación puede escribir en ella. Inicie una conversación nueva.</translation>
    </message>
    <message>
        <source>The proxy between this computer and Flashback refused the connection.</source>
        <translation>El proxy entre este equipo y Flashback ha rechazado la conexión.</translation>
    </message>
    <message>
        <source>Check your network connection, or ask your IT support about the proxy.</source>
        <translation>Compruebe su conexión de red o consulte el proxy con su servicio de soporte informático.</translation>
    </message>
    <message>
        <source>Flashback answered in a way the app does not handle.</source>
        <translation>Flashback ha respondido de una forma que la aplicación no sabe interpretar.</translation>
    </message>
    <message>
        <source>Wait {seconds} seconds, then try again.</source>
        <translation>Espere {seconds} segundos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Wait about {minutes} minutes, then try again.</source>
        <translation>Espere unos {minutes} minutos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Something went wrong while talking to Flashback.</source>
        <translation>Algo ha fallado al comunicarse con Flashback.</translation>
    </message>
    <message>
        <source>Try again in a moment. If it keeps happening, contact your IT support.</source>
        <translation>Vuelva a intentarlo dentro de un momento. Si sigue ocurriendo, póngase en contacto con su servicio de soporte informático.</translation>
    </message>
    <message>
        <source>Flashback did not accept the request.</source>
        <translation>Flashback no ha aceptado la solicitud.</translation>
    </message>
    <message>
        <source>Check your selection and try again. If it keeps happening, contact support.</source>
        <translation>Revise su selección y vuelva a intentarlo. Si sigue ocurriendo, póngase en contacto con soporte.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or is no longer valid.</source>
        <translation>Su sesión ha caducado o ya no es válida.</translation>
    </message>
    <message>
        <source>Sign in again to continue.</source>
        <translation>Vuelva a iniciar sesión para continuar.</translation>
    </message>
    <message>
        <source>Flashback did not accept this email address and password.</source>
        <translation>Flashback no ha aceptado esta dirección de correo electrónico y contraseña.</translation>
    </message>
    <message>
        <source>Check both and try again.</source>
        <translation>Revise ambos datos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>There is no Flashback account with this email address.</source>
        <translation>No hay ninguna cuenta de Flashback con esta dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Check the spelling, or ask your Flashback administrator which address your account uses.</source>
        <translation>Revise cómo está escrita o pregunte a su administrador de Flashback qué dirección usa su cuenta.</translation>
    </message>
    <message>
        <source>That password is not right for this account.</source>
        <translation>Esa contraseña no es la de esta cuenta.</translation>
    </message>
    <message>
        <source>Type it again, checking that Caps Lock is off. If you have forgotten it, reset it on the Flashback website.</source>
        <translation>Escríbala de nuevo y compruebe que el Bloq Mayús está desactivado. Si la ha olvidado, restablézcala en el sitio web de Flashback.</translation>
    </message>
    <message>
        <source>This Flashback account has been switched off.</source>
        <translation>Esta cuenta de Flashback está desactivada.</translation>
    </message>
    <message>
        <source>Ask your Flashback administrator to switch it back on.</source>
        <translation>Pida a su administrador de Flashback que la vuelva a activar.</translation>
    </message>
    <message>
        <source>This account signs in through Google, GitHub or Microsoft, so it has no Flashback password.</source>
        <translation>Esta cuenta inicia sesión con Google, GitHub o Microsoft, por lo que no tiene contraseña de Flashback.</translation>
    </message>
    <message>
        <source>Sign in on the Flashback website, copy an access token there, and choose “Use an access token instead” here.</source>
        <translation>Inicie sesión en el sitio web de Flashback, copie allí un token de acceso y elija aquí «Usar un token de acceso en su lugar».</translation>
    </message>
    <message>
        <source>That code was not accepted.</source>
        <translation>No se ha aceptado ese código.</translation>
    </message>
    <message>
        <source>Codes change every 30 seconds: type the code your authenticator app shows now.</source>
        <translation>Los códigos cambian cada 30 segundos: escriba el código que muestra ahora su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>The two-step sign-in took too long, so it has to start again.</source>
        <translation>El inicio de sesión en dos pasos ha tardado demasiado y hay que empezar de nuevo.</translation>
    </message>
    <message>
        <source>Type your email and password again, then the new code from your app.</source>
        <translation>Vuelva a escribir su correo electrónico y su contraseña y, después, el nuevo código de su aplicación.</translation>
    </message>
    <message>
        <source>You don&apos;t have access to this workspace.</source>
        <translation>No tiene acceso a este espacio de trabajo.</translation>
    </message>
    <message>
        <source>Ask your workspace administrator to add you.</source>
        <translation>Pida al administrador del espacio de trabajo que le añada.</translation>
    </message>
    <message>
        <source>Flashback could not find what the app asked for; it may have been removed.</source>
        <translation>Flashback no ha encontrado lo que pidió la aplicación; es posible que se haya eliminado.</translation>
    </message>
    <message>
        <source>Refresh the list, then try again.</source>
        <translation>Actualice la lista y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This conversation no longer exists on Flashback.</source>
        <translation>Esta conversación ya no existe en Flashback.</translation>
    </message>
    <message>
        <source>It may have been deleted. Go back to the list and start a new conversation.</source>
        <translation>Es posible que se haya eliminado. Vuelva a la lista e inicie una conversación nueva.</translation>
    </message>
    <message>
        <source>This server does not offer what the app asked for.</source>
        <translation>Este servidor no ofrece lo que pidió la aplicación.</translation>
    </message>
    <message>
        <source>Check that the app is set to the right Flashback server, or ask your IT department which server to use.</source>
        <translation>Compruebe que la aplicación usa el servidor de Flashback correcto o pregunte a su departamento de informática qué servidor debe usar.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy blocked this prompt.</source>
        <translation>La política de su organización ha bloqueado esta pregunta.</translation>
    </message>
    <message>
        <source>Your text is still in the box: change it and send it again, or ask your Flashback administrator about the policy.</source>
        <translation>Su texto sigue en el cuadro: cámbielo y vuelva a enviarlo, o pregunte por la política al administrador de Flashback.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy blocked this prompt: {reason}</source>
        <translation>La política de su organización ha bloqueado esta pregunta: {reason}</translation>
    </message>
    <message>
        <source>This repository has no AI model, so it cannot answer prompts.</source>
        <translation>Este repositorio no tiene ningún modelo de IA, así que no puede responder preguntas.</translation>
    </message>
    <message>
        <source>Ask your Flashback administrator to connect an AI model to this repository.</source>
        <translation>Pida al administrador de Flashback que conecte un modelo de IA a este repositorio.</translation>
    </message>
    <message>
        <source>Flashback is receiving too many requests right now.</source>
        <translation>Flashback está recibiendo demasiadas solicitudes en este momento.</translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation>Espere un minuto y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Flashback had a problem on its side.</source>
        <translation>Flashback ha tenido un problema por su parte.</translation>
    </message>
    <message>
        <source>Try again in a few minutes. If it keeps happening, contact support.</source>
        <translation>Vuelva a intentarlo dentro de unos minutos. Si sigue ocurriendo, póngase en contacto con soporte.</translation>
    </message>
    <message>
        <source>Flashback can&apos;t be reached from this computer.</source>
        <translation>No se puede conectar con Flashback desde este equipo.</translation>
    </message>
    <message>
        <source>Check your internet or VPN connection, then try again.</source>
        <translation>Compruebe su conexión a internet o a la VPN y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Flashback took too long to answer.</source>
        <translation>Flashback ha tardado demasiado en responder.</translation>
    </message>
    <message>
        <source>Check your connection and try again in a moment.</source>
        <translation>Compruebe su conexión y vuelva a intentarlo dentro de un momento.</translation>
    </message>
    <message>
        <source>The connection to Flashback could not be verified as secure.</source>
        <translation>No se ha podido verificar que la conexión con Flashback sea segura.</translation>
    </message>
    <message>
        <source>Do not continue on this network. Contact your IT support: the server&apos;s certificate is not trusted by this computer.</source>
        <translation>No continúe en esta red. Póngase en contacto con su servicio de soporte informático: este equipo no confía en el certificado del servidor.</translation>
    </message>
    <message>
        <source>Flashback sent an answer the app could not understand.</source>
        <translation>Flashback ha enviado una respuesta que la aplicación no ha podido entender.</translation>
    </message>
    <message>
        <source>Try again in a moment. If it keeps happening, contact support.</source>
        <translation>Vuelva a intentarlo dentro de un momento. Si sigue ocurriendo, póngase en contacto con soporte.</translation>
    </message>
    <message>
        <source>Flashback sent far more data than expected, so the app stopped reading it.</source>
        <translation>Flashback ha enviado muchos más datos de lo esperado, así que la aplicación ha dejado de leerlos.</translation>
    </message>
    <message>
        <source>Try again later. If it keeps happening, contact support.</source>
        <translation>Vuelva a intentarlo más tarde. Si sigue ocurriendo, póngase en contacto con soporte.</translation>
    </message>
    <message>
        <source>The app refused to send your sign-in over an unprotected connection.</source>
        <translation>La aplicación se ha negado a enviar sus datos de inicio de sesión por una conexión sin protección.</translation>
    </message>
    <message>
        <source>Ask your IT department for the server&apos;s https:// address.</source>
        <translation>Pida a su departamento de informática la dirección https:// del servidor.</translation>
    </message>
    <message>
        <source>The connection to Flashback dropped before it answered.</source>
        <translation>La conexión con Flashback se cortó antes de que respondiera.</translation>
    </message>
    <message>
        <source>Check your connection and try again.</source>
        <translation>Compruebe su conexión y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The proxy on your network asks Flashback Desktop to sign in to it, which the app cannot do.</source>
        <translation>El proxy de su red pide a Flashback Desktop que inicie sesión en él, y la aplicación no puede hacerlo.</translation>
    </message>
    <message>
        <source>Ask your IT support to let Flashback Desktop reach Flashback without a proxy password (proxies that need NTLM, Kerberos or a password are not supported).</source>
        <translation>Pida a su servicio de soporte informático que permita a Flashback Desktop conectar con Flashback sin contraseña de proxy (no se admiten proxies que requieran NTLM, Kerberos o una contraseña).</translation>
    </message>
    <message>
        <source>The Flashback server sent the app on to another address, which it does not follow so that your sign-in stays safe.</source>
        <translation>El servidor de Flashback ha redirigido la aplicación a otra dirección, pero la aplicación no la sigue para que sus datos de inicio de sesión estén seguros.</translation>
    </message>
    <message>
        <source>Ask your IT support whether the Flashback server&apos;s address has changed.</source>
        <translation>Pregunte a su servicio de soporte informático si ha cambiado la dirección del servidor de Flashback.</translation>
    </message>
    <message>
        <source>This token comes from a sign-in that has not finished two-step verification.</source>
        <translation>Este token procede de un inicio de sesión que no ha completado la verificación en dos pasos.</translation>
    </message>
    <message>
        <source>Sign in with your email and password here instead, or finish two-step verification on the Flashback website before copying a token.</source>
        <translation>Inicie sesión aquí con su correo electrónico y contraseña, o complete la verificación en dos pasos en el sitio web de Flashback antes de copiar un token.</translation>
    </message>
    <message>
        <source>The saved sign-in could not be read, so you are signed out. Sign in again.</source>
        <translation>No se pudo leer el inicio de sesión guardado, así que se ha cerrado la sesión. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>This computer has no password store that Flashback Desktop can use, so your sign-in is kept only until you close Flashback Desktop.</source>
        <translation>Este equipo no tiene ningún almacén de contraseñas que Flashback Desktop pueda usar, así que su sesión solo se mantiene hasta que cierre Flashback Desktop.</translation>
    </message>
    <message>
        <source>You can keep working. To stay signed in next time, ask your IT support to set up a password store (keyring) on this computer.</source>
        <translation>Puede seguir trabajando. Para mantener la sesión la próxima vez, pida a su servicio de soporte informático que configure un almacén de contraseñas (llavero) en este equipo.</translation>
    </message>
    <message>
        <source>Your computer&apos;s password store stayed locked, so your sign-in is kept only until you close Flashback Desktop.</source>
        <translation>El almacén de contraseñas de su equipo siguió bloqueado, así que su sesión solo se mantiene hasta que cierre Flashback Desktop.</translation>
    </message>
    <message>
        <source>You can keep working. Next time your computer asks to unlock its password store, enter your computer password instead of closing the request.</source>
        <translation>Puede seguir trabajando. La próxima vez que su equipo pida desbloquear el almacén de contraseñas, escriba la contraseña del equipo en lugar de cerrar la solicitud.</translation>
    </message>
    <message>
        <source>Flashback Desktop was not allowed to use your computer&apos;s password store, so your sign-in is kept only until you close Flashback Desktop.</source>
        <translation>Flashback Desktop no tiene permiso para usar el almacén de contraseñas de su equipo, así que su sesión solo se mantiene hasta que cierre Flashback Desktop.</translation>
    </message>
    <message>
        <source>You can keep working. Next time your computer asks whether Flashback Desktop may use it, choose “Always Allow”. If it does not ask, contact your IT support.</source>
        <translation>Puede seguir trabajando. La próxima vez que su equipo pregunte si Flashback Desktop puede usarlo, elija «Permitir siempre». Si no lo pregunta, póngase en contacto con su servicio de soporte informático.</translation>
    </message>
    <message>
        <source>Your computer&apos;s password store could not read or save your sign-in, so it is kept only until you close Flashback Desktop.</source>
        <translation>El almacén de contraseñas de su equipo no ha podido leer ni guardar su sesión, así que solo se mantiene hasta que cierre Flashback Desktop.</translation>
    </message>
    <message>
        <source>You can keep working. If this happens every time you open Flashback Desktop, ask your IT support to check this computer&apos;s password store.</source>
        <translation>Puede seguir trabajando. Si ocurre cada vez que abre Flashback Desktop, pida a su servicio de soporte informático que revise el almacén de contraseñas de este equipo.</translation>
    </message>
    <message>
        <source>Your sign-in is longer than this computer&apos;s password store can hold, so it is kept only until you close Flashback Desktop.</source>
        <translation>Sus datos de sesión son más largos de lo que admite el almacén de contraseñas de este equipo, así que solo se mantienen hasta que cierre Flashback Desktop.</translation>
    </message>
    <message>
        <source>You can keep working, but you will need to sign in again next time. If this keeps happening, tell your IT support.</source>
        <translation>Puede seguir trabajando, pero tendrá que volver a iniciar sesión la próxima vez. Si sigue ocurriendo, avise a su servicio de soporte informático.</translation>
    </message>
    <message>
        <source>Flashback did not accept this token. Check that you copied all of it, or ask for a new one.</source>
        <translation>Flashback no ha aceptado este token. Compruebe que lo ha copiado entero o solicite uno nuevo.</translation>
    </message>
    <message>
        <source>Flashback did not accept this sign-in. Please try again.</source>
        <translation>Flashback no ha aceptado este inicio de sesión. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Your account confirms sign-ins with an email link or a passkey, which need a web browser. Sign in on the Flashback website, copy an access token there, and paste it here.</source>
        <translation>Su cuenta confirma los inicios de sesión con un enlace por correo electrónico o una llave de acceso, que necesitan un navegador web. Inicie sesión en el sitio web de Flashback, copie allí un token de acceso y péguelo aquí.</translation>
    </message>
    <message>
        <source>Your account needs two-step verification, but none is set up yet. Set it up on the Flashback website, then sign in here again.</source>
        <translation>Su cuenta necesita verificación en dos pasos, pero todavía no hay ninguna configurada. Configúrela en el sitio web de Flashback y vuelva a iniciar sesión aquí.</translation>
    </message>
    <message>
        <source>Something answered at this address, but it is not a Flashback server.</source>
        <translation>Algo ha respondido en esta dirección, pero no es un servidor de Flashback.</translation>
    </message>
    <message>
        <source>It answered without asking for a sign-in, which Flashback never does.</source>
        <translation>Ha respondido sin pedir un inicio de sesión, algo que Flashback nunca hace.</translation>
    </message>
    <message>
        <source>Flashback answered at this address. After saving, sign in to it.</source>
        <translation>Flashback ha respondido en esta dirección. Después de guardar, inicie sesión en él.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted by this computer, so the app will not use it. Ask your IT support to check the address or install their certificate.</source>
        <translation>Este equipo no confía en el certificado del servidor, así que la aplicación no lo usará. Pida a su servicio de soporte informático que compruebe la dirección o que instale su certificado.</translation>
    </message>
    <message>
        <source>The server answered, but reported a problem of its own. It may be Flashback having trouble: try again in a few minutes.</source>
        <translation>El servidor ha respondido, pero ha indicado un problema propio. Puede que Flashback tenga dificultades: vuelva a intentarlo dentro de unos minutos.</translation>
    </message>
    <message>
        <source>Could not connect to this address.</source>
        <translation>No se ha podido conectar con esta dirección.</translation>
    </message>
    <message>
        <source>This address sends the app on to another one. Use the Flashback server&apos;s own address, which your IT department can give you.</source>
        <translation>Esta dirección redirige la aplicación a otra. Use la dirección propia del servidor de Flashback, que le puede facilitar su departamento de informática.</translation>
    </message>
    <message>
        <source>Check the address with your IT department.</source>
        <translation>Compruebe la dirección con su departamento de informática.</translation>
    </message>
    <message>
        <source>The server address is empty.</source>
        <translation>La dirección del servidor está vacía.</translation>
    </message>
    <message>
        <source>“{address}” is not a web address. It should look like https://flashback.example.com.</source>
        <translation>«{address}» no es una dirección web. Debería tener este aspecto: https://flashback.example.com.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>La dirección del servidor no debe contener un nombre de usuario ni una contraseña.</translation>
    </message>
    <message>
        <source>The server address must not contain “?” or “#” parts.</source>
        <translation>La dirección del servidor no debe contener partes con «?» ni «#».</translation>
    </message>
    <message>
        <source>“{address}” uses plain http, which would send your sign-in unprotected. Use an https:// address.</source>
        <translation>«{address}» usa http sin cifrar, con lo que su inicio de sesión viajaría sin protección. Use una dirección https://.</translation>
    </message>
    <message>
        <source>“{address}” has an invalid port number.</source>
        <translation>«{address}» tiene un número de puerto no válido.</translation>
    </message>
    <message>
        <source>The system-wide default server set in {file} is not usable: {problem}</source>
        <translation>No se puede usar el servidor predeterminado del sistema indicado en {file}: {problem}</translation>
    </message>
    <message>
        <source>The system-wide default server is not usable: {problem}</source>
        <translation>No se puede usar el servidor predeterminado del sistema: {problem}</translation>
    </message>
    <message>
        <source>(unnamed repository)</source>
        <translation>(repositorio sin nombre)</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Workspace manager</source>
        <translation>Responsable de espacios de trabajo</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
</context>
<context>
    <name>ModelChoice</name>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>AI model</source>
        <translation>Modelo de IA</translation>
    </message>
    <message>
        <source>The model that answers</source>
        <translation>El modelo que responde</translation>
    </message>
</context>
<context>
    <name>NewConversation</name>
    <message>
        <source>Checking whether it was created…</source>
        <translation>Comprobando si se ha creado…</translation>
    </message>
    <message>
        <source>The connection was interrupted, but Flashback did create this conversation.</source>
        <translation>La conexión se interrumpió, pero Flashback sí creó esta conversación.</translation>
    </message>
    <message>
        <source>Flashback may not have started a conversation for “{name}”.</source>
        <translation>Es posible que Flashback no haya iniciado una conversación para «{name}».</translation>
    </message>
    <message>
        <source>{message} No new conversation has appeared in this repository.</source>
        <translation>{message} No ha aparecido ninguna conversación nueva en este repositorio.</translation>
    </message>
    <message>
        <source>If Flashback is only slow, it may still appear: refresh in a minute and check before trying again, so you don&apos;t start it twice.</source>
        <translation>Si Flashback solo va lento, puede que aún aparezca: actualice dentro de un minuto y compruébelo antes de volver a intentarlo, para no iniciarla dos veces.</translation>
    </message>
    <message>
        <source>{message} The app could not check whether it was created.</source>
        <translation>{message} La aplicación no ha podido comprobar si se creó.</translation>
    </message>
    <message>
        <source>Wait a moment and refresh before trying again, so you don&apos;t start it twice.</source>
        <translation>Espere un momento y actualice antes de volver a intentarlo, para no iniciarla dos veces.</translation>
    </message>
    <message>
        <source>Flashback couldn&apos;t start a conversation for “{name}”.</source>
        <translation>Flashback no ha podido iniciar una conversación para «{name}».</translation>
    </message>
</context>
<context>
    <name>PromptSending</name>
    <message>
        <source>Stop waiting</source>
        <translation>Dejar de esperar</translation>
    </message>
    <message>
        <source>Stops waiting for Flashback&apos;s answer, then checks whether it has your prompt</source>
        <translation>Deja de esperar la respuesta de Flashback y luego comprueba si tiene su pregunta</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Stopped waiting. Press Refresh later to see the reply.</source>
        <translation>Ya no se espera. Pulse Actualizar más tarde para ver la respuesta.</translation>
    </message>
    <message>
        <source>Stopped waiting. Checking whether Flashback got your prompt…</source>
        <translation>Ya no se espera. Comprobando si Flashback recibió su pregunta…</translation>
    </message>
    <message>
        <source>Stops waiting for the reply; Refresh shows it once it has come</source>
        <translation>Deja de esperar la respuesta; Actualizar la muestra cuando haya llegado</translation>
    </message>
    <message>
        <source>Waiting for the reply… (gives up in {seconds} s)</source>
        <translation>Esperando la respuesta… (se deja de esperar en {seconds} s)</translation>
    </message>
</context>
<context>
    <name>RepositoryList</name>
    <message>
        <source>&amp;Filter Repositories</source>
        <translation>&amp;Filtrar repositorios</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Repositorios</translation>
    </message>
    <message>
        <source>The repositories you can reach. Arrow keys choose one; Enter or Ctrl+N starts a new conversation for it.</source>
        <translation>Los repositorios a los que tiene acceso. Las flechas eligen uno; Intro o Ctrl+N inicia una nueva conversación para él.</translation>
    </message>
    <message>
        <source>Loading repositories…</source>
        <translation>Cargando repositorios…</translation>
    </message>
    <message>
        <source>No repositories yet.
Repositories you can reach on Flashback will appear here.</source>
        <translation>Todavía no hay repositorios.
Aquí aparecerán los repositorios de Flashback a los que tenga acceso.</translation>
    </message>
    <message>
        <source>No repositories match your filter.</source>
        <translation>Ningún repositorio coincide con el filtro.</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Borrar filtro</translation>
    </message>
</context>
<context>
    <name>RepositoryLoader</name>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>RepositoryTableModel</name>
    <message>
        <source>Repository</source>
        <translation>Repositorio</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Almacenamiento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Disabled</source>
        <comment>repository status</comment>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>An administrator has disabled this repository.</source>
        <translation>Un administrador ha desactivado este repositorio.</translation>
    </message>
    <message>
        <source>Flashback did not say whether an AI model is set up for this repository.</source>
        <translation>Flashback no indicó si este repositorio tiene un modelo de IA configurado.</translation>
    </message>
    <message>
        <source>No AI model</source>
        <translation>Sin modelo de IA</translation>
    </message>
    <message>
        <source>Conversations can be started, but they can&apos;t answer until an administrator adds an AI model.</source>
        <translation>Se pueden iniciar conversaciones, pero no podrán responder hasta que un administrador añada un modelo de IA.</translation>
    </message>
    <message>
        <source>An AI model is set up for this repository.</source>
        <translation>Este repositorio tiene configurado un modelo de IA.</translation>
    </message>
    <message>
        <source>AI models: {names}</source>
        <translation>Modelos de IA: {names}</translation>
    </message>
    <message>
        <source>AI model: {name}</source>
        <translation>Modelo de IA: {name}</translation>
    </message>
    <message>
        <source>Has an AI model</source>
        <translation>Con modelo de IA</translation>
    </message>
    <message>
        <source>Whether an AI model is set up for the repository, or whether it is disabled. Empty when Flashback did not say.</source>
        <translation>Si el repositorio tiene un modelo de IA configurado o si está desactivado. Vacío cuando Flashback no lo indicó.</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format: Qt&apos;s QDate::toString codes</comment>
        <translation>d MMM yyyy</translation>
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
        <translation>Configuración — Flashback Desktop</translation>
    </message>
    <message>
        <source>Keeps these settings for your account</source>
        <translation>Guarda esta configuración para su cuenta</translation>
    </message>
    <message>
        <source>Flashback server</source>
        <translation>Servidor de Flashback</translation>
    </message>
    <message>
        <source>Your &amp;organisation&apos;s default ({server})</source>
        <translation>Valor predeterminado de su &amp;organización ({server})</translation>
    </message>
    <message>
        <source>&amp;Production ({server})</source>
        <translation>&amp;Producción ({server})</translation>
    </message>
    <message>
        <source>C&amp;ustom:</source>
        <translation>Per&amp;sonalizado:</translation>
    </message>
    <message>
        <source>Custom server address</source>
        <translation>Dirección de servidor personalizada</translation>
    </message>
    <message>
        <source>The https:// address of the Flashback server your IT department gave you</source>
        <translation>La dirección https:// del servidor de Flashback que le ha facilitado su departamento de informática</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Probar &amp;conexión</translation>
    </message>
    <message>
        <source>Checks that a Flashback server answers at this address, without signing in</source>
        <translation>Comprueba que un servidor de Flashback responde en esta dirección, sin iniciar sesión</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language Flashback Desktop speaks from its next start</source>
        <translation>El idioma de Flashback Desktop a partir del próximo inicio</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>El mismo que el sistema</translation>
    </message>
    <message>
        <source>A new language takes effect after restarting Flashback Desktop.</source>
        <translation>El nuevo idioma se aplica después de reiniciar Flashback Desktop.</translation>
    </message>
    <message>
        <source>&amp;Show the app in:</source>
        <translation>&amp;Mostrar la aplicación en:</translation>
    </message>
    <message>
        <source>The demo is running. The server chosen here is used when you start Flashback Desktop without --demo.</source>
        <translation>Se está ejecutando la demostración. El servidor elegido aquí se usa cuando inicia Flashback Desktop sin --demo.</translation>
    </message>
    <message>
        <source>In use now: {server}.</source>
        <translation>En uso ahora: {server}.</translation>
    </message>
    <message>
        <source>It is set by the --server option on this computer, which comes before this setting; ask your IT department to change it.</source>
        <translation>Lo fija la opción --server en este equipo, que tiene prioridad sobre esta configuración; pida a su departamento de informática que lo cambie.</translation>
    </message>
    <message>
        <source>It is set by {variable} on this computer, which comes before this setting; ask your IT department to change it.</source>
        <translation>Lo fija {variable} en este equipo, que tiene prioridad sobre esta configuración; pida a su departamento de informática que lo cambie.</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, for example https://flashback.example.com.</source>
        <translation>Escriba la dirección del servidor, por ejemplo https://flashback.example.com.</translation>
    </message>
    <message>
        <source>Checking {server}…</source>
        <translation>Comprobando {server}…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Flashback</source>
        <translation>Iniciar sesión en Flashback</translation>
    </message>
    <message>
        <source>Sign in to &lt;b&gt;{server}&lt;/b&gt;.</source>
        <translation>Inicie sesión en &lt;b&gt;{server}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Closes without signing in</source>
        <translation>Cierra sin iniciar sesión</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>The email address of your Flashback account</source>
        <translation>La dirección de correo electrónico de su cuenta de Flashback</translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation>nombre@empresa.com</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Your Flashback password; it is not kept on this computer</source>
        <translation>Su contraseña de Flashback; no se guarda en este equipo</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Demo account: &lt;b&gt;{email}&lt;/b&gt;&lt;br&gt;Demo password: &lt;b&gt;{password}&lt;/b&gt;</source>
        <translation>Cuenta de demostración: &lt;b&gt;{email}&lt;/b&gt;&lt;br&gt;Contraseña de demostración: &lt;b&gt;{password}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Use an &amp;access token instead</source>
        <translation>Usar un &amp;token de acceso en su lugar</translation>
    </message>
    <message>
        <source>For accounts that sign in through Google, GitHub or Microsoft</source>
        <translation>Para cuentas que inician sesión con Google, GitHub o Microsoft</translation>
    </message>
    <message>
        <source>Paste the access token you copied from the Flashback website. It is kept in this computer&apos;s password store, not in a file.</source>
        <translation>Pegue el token de acceso que copió del sitio web de Flashback. Se guarda en el almacén de contraseñas de este equipo, no en un archivo.</translation>
    </message>
    <message>
        <source>Paste the access token you copied from the Flashback website. No password store can be used here, so it is kept only until you close Flashback Desktop, never in a file: next time, paste it again.</source>
        <translation>Pegue el token de acceso que copió en el sitio web de Flashback. Aquí no se puede usar ningún almacén de contraseñas, así que se guarda solo hasta que cierre Flashback Desktop, nunca en un archivo: la próxima vez, péguelo de nuevo.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>Use &amp;email and password instead</source>
        <translation>Usar &amp;correo electrónico y contraseña en su lugar</translation>
    </message>
    <message>
        <source>Back to signing in with your email address and password</source>
        <translation>Vuelve al inicio de sesión con su dirección de correo electrónico y contraseña</translation>
    </message>
    <message>
        <source>Your account asks for a second step. Open your authenticator app and type the {count}-digit code it shows for Flashback.</source>
        <translation>Su cuenta pide un segundo paso. Abra su aplicación de autenticación y escriba el código de {count} dígitos que muestra para Flashback.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Código de verificación</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>&amp;Volver a empezar</translation>
    </message>
    <message>
        <source>Back to your email address and password</source>
        <translation>Vuelve a su dirección de correo electrónico y contraseña</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
</context>
<context>
    <name>StartupErrorDialog</name>
    <message>
        <source>Flashback Desktop cannot start</source>
        <translation>Flashback Desktop no puede iniciarse</translation>
    </message>
    <message>
        <source>Flashback Desktop cannot start with this server address.</source>
        <translation>Flashback Desktop no puede iniciarse con esta dirección de servidor.</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Flashback Desktop — User guide</source>
        <translation>Flashback Desktop — Guía del usuario</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Nueva conversación</translation>
    </message>
    <message>
        <source>Start a new AI conversation for the selected repository</source>
        <translation>Iniciar una nueva conversación con la IA para el repositorio seleccionado</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Load the repository list again (F5)</source>
        <translation>Volver a cargar la lista de repositorios (F5)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out of Flashback on this computer</source>
        <translation>Cerrar la sesión de Flashback en este equipo</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign in to Flashback</source>
        <translation>Iniciar sesión en Flashback</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Copy Conversation ID</source>
        <translation>&amp;Copiar ID de la conversación</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
</context>
</TS>

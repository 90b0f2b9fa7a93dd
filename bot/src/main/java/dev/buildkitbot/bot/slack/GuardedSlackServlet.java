package dev.buildkitbot.bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Bolt's servlet behind a guard: bodies over the size limit get 413 and bodies that are not the JSON
 * or form Slack sends get 400, with one log line, instead of a 500 and a stack trace. Everything
 * else (signature check included) is Bolt's.
 */
final class GuardedSlackServlet extends SlackAppServlet {
    private static final Logger log = LoggerFactory.getLogger(GuardedSlackServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack's payloads are far smaller; anything bigger is not from Slack. */
    static final int MAX_BODY = 2 * 1024 * 1024;

    GuardedSlackServlet(App app) {
        super(app);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(resp, 413, "request body too large");
            return;
        }
        String type = req.getContentType() == null ? "" : req.getContentType();
        if (!wellFormed(type, body)) {
            refuse(resp, 400, "malformed " + (type.isEmpty() ? "request" : type.split(";")[0]) + " body");
            return;
        }
        super.doPost(new CachedBody(req, body), resp);
    }

    private static boolean wellFormed(String type, byte[] body) {
        try {
            if (type.startsWith("application/json")) {
                return JSON.readTree(body) != null && JSON.readTree(body).isObject();
            }
            if (type.startsWith("application/x-www-form-urlencoded")) {
                String form = new String(body, StandardCharsets.UTF_8);
                for (String pair : form.split("&")) {
                    if (pair.startsWith("payload=")) {
                        return JSON.readTree(URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8)).isObject();
                    }
                }
                return form.contains("command=") || form.contains("ssl_check=");
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse resp, int status, String reason) throws IOException {
        log.atWarn().setMessage("refused a request").addKeyValue("status", status).addKeyValue("reason", reason).log();
        resp.setStatus(status);
        resp.setContentType("text/plain");
        resp.getWriter().write(reason + "\n");
    }

    /** The request with its body already read, readable again by Bolt. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
    }
}

package dev.buildkitbot.bot.slack;

import com.slack.api.app_backend.SlackSignature;
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
import java.nio.charset.StandardCharsets;

/**
 * Bolt's servlet behind a guard, in the order a stranger's request should meet it: a body over the
 * size limit gets 413; a body without a valid Slack signature gets 401 before anything parses it;
 * a signed body that is not what Slack sends (or lacks what Bolt reads without checking) gets 400.
 * Each refusal is one log line, never a 500 with a stack trace. Bolt checks the signature again.
 */
final class GuardedSlackServlet extends SlackAppServlet {
    private static final Logger log = LoggerFactory.getLogger(GuardedSlackServlet.class);
    /** Slack's payloads are far smaller; anything bigger is not from Slack. */
    static final int MAX_BODY = 2 * 1024 * 1024;

    private final SlackSignature.Verifier signatures;

    GuardedSlackServlet(App app, String signingSecret) {
        super(app);
        this.signatures = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(resp, 413, "request body too large");
            return;
        }
        String timestamp = req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || signature == null
                || !signatures.isValid(timestamp, new String(body, StandardCharsets.UTF_8), signature)) {
            refuse(resp, 401, "invalid or missing Slack signature");
            return;
        }
        var problem = SlackRequestShape.problem(req.getContentType(), body);
        if (problem.isPresent()) {
            refuse(resp, 400, problem.get());
            return;
        }
        try {
            super.doPost(new CachedBody(req, body), resp);
        } catch (RuntimeException e) {
            // A shape the checks above do not know of: still the sender's fault, not a server error.
            if (!resp.isCommitted()) {
                resp.reset();
                refuse(resp, 400, "request Bolt could not read (" + e.getClass().getSimpleName() + ")");
            } else {
                log.atWarn().setMessage("request failed after its answer was sent").addKeyValue("error", e.toString()).log();
            }
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

package dev.buildkitbot.bot.slack;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.InetSocketAddress;

/** HTTP mode: Slack's requests on {@code /slack/events}, {@code GET /healthz} for probes, served by Jetty. */
public final class HttpMode implements AutoCloseable {
    private final Server server;

    public HttpMode(SlackApp slackApp, InetSocketAddress address) {
        server = new Server(address);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new GuardedSlackServlet(slackApp.app(), slackApp.app().config().getSigningSecret())), "/slack/events");
        context.addServlet(new ServletHolder(new Health()), "/healthz");
        server.setHandler(context);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Health extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().write("ok\n");
        }
    }
}

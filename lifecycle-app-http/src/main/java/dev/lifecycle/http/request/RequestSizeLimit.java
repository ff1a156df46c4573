package dev.lifecycle.http.request;

import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over {@code lifecycle.admin.max-request-bytes} with 413: by their
 * Content-Length before reading, and while reading for bodies sent without one (chunked).
 */
@Provider
public class RequestSizeLimit implements ReaderInterceptor {

    private final int maxBytes;

    // A plain property, not AdminConfig: providers are synthetic beans, whose injection points do not register mappings.
    RequestSizeLimit(@ConfigProperty(name = "lifecycle.admin.max-request-bytes", defaultValue = "65536") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public void checkDeclaredLength(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("Content-Length", "is not a number");
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream(), maxBytes));
        return context.proceed();
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of("body-too-large", "The body is too large", 413,
                "request bodies may be at most " + maxBytes + " bytes").with("maxBytes", maxBytes));
    }

    private final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw tooLarge();
                }
            }
            return n;
        }
    }
}

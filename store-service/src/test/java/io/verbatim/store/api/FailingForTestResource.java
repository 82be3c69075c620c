package io.verbatim.store.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoint (it exists only in the test build): fails the way no query should, so that
 * {@code StoreApiProblemsTest} can show what a caller sees when something nobody expected goes wrong.
 */
@Path("/test-only/failure")
public class FailingForTestResource {

    static final String INTERNAL_MESSAGE = "secret internal state that must not reach the caller";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String fail() {
        throw new IllegalStateException(INTERNAL_MESSAGE);
    }
}

package io.reelforge.servicetests.client;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.annotation.SuiteScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

import io.reelforge.servicetests.ServiceDeployment;

/**
 * Arquillian generates and deploys a test class's deployment before the class and undeploys it after. Here the
 * deployment of {@link ServiceDeployment} is generated and deployed once, after the containers start, and kept in
 * the suite's scope where every class finds it; the per-class events are let through only when this class fires
 * them itself, and the undeployment (which stops the Micro) waits for the container's stop.
 */
public class SharedDeployment {

    @Inject
    private Instance<ClassContext> classContext;

    @Inject
    @ClassScoped
    private InstanceProducer<DeploymentScenario> classScenario;

    @Inject
    @SuiteScoped
    private InstanceProducer<DeploymentScenario> suiteScenario;

    @Inject
    private Event<GenerateDeployment> generate;

    @Inject
    private Event<DeployManagedDeployments> deploy;

    @Inject
    private Event<UnDeployManagedDeployments> undeploy;

    private boolean ours;

    /** After the containers started (they start at precedence 0). */
    public void deployAtSuiteStart(@Observes(precedence = -100) BeforeSuite event) {
        classContext.get().activate(ServiceDeployment.class);
        try {
            ours(() -> generate.fire(new GenerateDeployment(new TestClass(ServiceDeployment.class))));
            suiteScenario.set(classScenario.get());
        } finally {
            classContext.get().deactivate();
        }
        ours(() -> deploy.fire(new DeployManagedDeployments()));
    }

    public void undeployAtStop(@Observes BeforeStop event) {
        ours(() -> undeploy.fire(new UnDeployManagedDeployments()));
    }

    public void generateOnce(@Observes EventContext<GenerateDeployment> context) {
        if (ours) {
            context.proceed();
        }
    }

    public void deployOnce(@Observes EventContext<DeployManagedDeployments> context) {
        if (ours) {
            context.proceed();
        }
    }

    public void undeployOnce(@Observes EventContext<UnDeployManagedDeployments> context) {
        if (ours) {
            context.proceed();
        }
    }

    private void ours(Runnable fire) {
        ours = true;
        try {
            fire.run();
        } finally {
            ours = false;
        }
    }
}

package dev.strata.agent.config;

import dev.strata.agent.application.CreateResource;
import dev.strata.agent.application.DeleteResource;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.ReadWorkflowVersions;
import dev.strata.agent.application.ReviseResource;
import dev.strata.agent.domain.agent.Agent;
import dev.strata.agent.domain.agent.Agents;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.Workflows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the CRUD use cases of each aggregate (they carry no CDI annotations themselves). */
@ApplicationScoped
public class CrudConfiguration {

  @Produces @Singleton GetResource<Agent> getAgent(Agents r, UnitOfWork u) { return new GetResource<>(r, u, "agent"); }
  @Produces @Singleton ListResources<Agent> listAgents(Agents r, UnitOfWork u) { return new ListResources<>(r, u); }
  @Produces @Singleton CreateResource<Agent> createAgent(Agents r, UnitOfWork u) { return new CreateResource<>(r, u); }
  @Produces @Singleton ReviseResource<Agent> reviseAgent(Agents r, UnitOfWork u) { return new ReviseResource<>(r, u, "agent"); }
  @Produces @Singleton DeleteResource<Agent> deleteAgent(Agents r, UnitOfWork u) { return new DeleteResource<>(r, u); }

  @Produces @Singleton GetResource<Workflow> getWorkflow(Workflows r, UnitOfWork u) { return new GetResource<>(r, u, "workflow"); }
  @Produces @Singleton ListResources<Workflow> listWorkflows(Workflows r, UnitOfWork u) { return new ListResources<>(r, u); }
  @Produces @Singleton CreateResource<Workflow> createWorkflow(Workflows r, UnitOfWork u) { return new CreateResource<>(r, u); }
  @Produces @Singleton ReviseResource<Workflow> reviseWorkflow(Workflows r, UnitOfWork u) { return new ReviseResource<>(r, u, "workflow"); }
  @Produces @Singleton DeleteResource<Workflow> deleteWorkflow(Workflows r, UnitOfWork u) { return new DeleteResource<>(r, u); }
  @Produces @Singleton ReadWorkflowVersions readWorkflowVersions(Workflows r, UnitOfWork u) { return new ReadWorkflowVersions(r, u); }
}

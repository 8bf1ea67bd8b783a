// The mock settings page: fills its Role ARN field from its own guide's guide-change event.
const form = document.getElementById('add-integration');
const guide = document.querySelector('ecs-integration-guide');
const arn = document.getElementById('role-arn');
const status = document.getElementById('role-arn-status');
const save = document.getElementById('save');

guide.addEventListener('guide-change', (event) => {
  if (event.target !== guide) return; // another element's event, or one dispatched by other script
  arn.value = event.detail.value;
  save.disabled = !event.detail.complete;
  status.textContent = event.detail.complete ? 'Filled in from the guide.' : guide.validationMessage;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  status.textContent = `Saved (demo): ${form.elements['integration-name'].value} with ${arn.value}`;
});

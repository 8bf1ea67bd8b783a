// The mock settings page: fills its Role ARN field from its own guide's guide-change event.
const form = document.getElementById('add-integration');
const guide = document.querySelector('ecs-integration-guide');
const arn = document.getElementById('role-arn');
const status = document.getElementById('role-arn-status');
const save = document.getElementById('save');
// The live region: said once when the Role ARN becomes filled in or stops being so, and on Save;
// the status line under the field follows every keystroke, read with the field (aria-describedby).
const said = document.getElementById('role-arn-said');
let wasComplete = false;

guide.addEventListener('guide-change', (event) => {
  if (event.target !== guide) return; // another element's event, or one dispatched by other script
  arn.value = event.detail.value;
  save.disabled = !event.detail.complete;
  status.textContent = event.detail.complete ? 'Filled in from the guide.' : guide.validationMessage;
  if (event.detail.complete !== wasComplete) {
    said.textContent = event.detail.complete ? 'Role ARN filled in from the guide.' : `Role ARN no longer filled in: ${guide.validationMessage}`;
  }
  wasComplete = event.detail.complete;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  status.textContent = `Saved (demo): ${form.elements['integration-name'].value} with ${arn.value}`;
  said.textContent = status.textContent;
});
